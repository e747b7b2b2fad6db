package org.printmail.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.printmail.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent, bounded job log: one JSON line per entry, appended and forced; compacted to the
 * newest {@code capacity} entries when the file holds twice that. A torn last line (power cut
 * mid-append) is skipped on load.
 */
final class JobLog {
    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);

    private final Path file;
    private final int capacity;
    private final Deque<JobLogEntry> entries = new ArrayDeque<>();
    private int linesInFile;

    JobLog(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        load();
    }

    synchronized void append(JobLogEntry e) {
        entries.addFirst(e);
        while (entries.size() > capacity) {
            entries.removeLast();
        }
        try {
            byte[] line = (Json.line(e) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(line));
                ch.force(false);
            }
            if (++linesInFile >= 2 * capacity) {
                compact();
            }
        } catch (IOException ex) {
            LOG.warn("Job log entry for {} kept in memory only: {}", e.jobId(), ex.getClass().getSimpleName());
        }
    }

    /** Newest first. */
    synchronized List<JobLogEntry> entries() { return List.copyOf(entries); }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        dropTornTail();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                linesInFile++;
                try {
                    entries.addFirst(Json.entry(line));
                } catch (IOException torn) {
                    LOG.warn("Skipped an unreadable job log line (torn write?)");
                }
                while (entries.size() > capacity) {
                    entries.removeLast();
                }
            }
        } catch (IOException e) {
            LOG.warn("Job log unreadable ({}); starting a new one", e.getClass().getSimpleName());
        }
    }

    /** Cuts a partly written last line (power cut mid-append) so the next append starts clean. */
    private void dropTornTail() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < ch.size()) {
                LOG.warn("Job log: dropped a torn last line ({} bytes)", ch.size() - end);
                ch.truncate(end);
                ch.force(true);
            }
        } catch (IOException e) {
            LOG.warn("Job log tail unreadable: {}", e.getClass().getSimpleName());
        }
    }

    private void compact() throws IOException {
        List<JobLogEntry> oldestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(oldestFirst);
        StringBuilder sb = new StringBuilder();
        for (JobLogEntry e : oldestFirst) {
            sb.append(Json.line(e)).append('\n');
        }
        DurableFiles.replace(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        linesInFile = oldestFirst.size();
    }
}
