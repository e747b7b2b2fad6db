package org.printmail.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.files.DurableFiles;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox on disk: one JSON file per job, replaced atomically (write, force, rename, force the
 * directory) so an accepted job survives a crash or power cut at any point; spooled files live in
 * {@code spool/}. A job file that cannot be read is set aside, logged, and not lost silently.
 */
final class OutboxStore {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxStore.class);

    private final Path dir;
    private final Path spool;

    OutboxStore(Path dir) {
        this.dir = dir;
        this.spool = dir.resolve("spool");
        try {
            ownerOnlyDirectory(dir);
            ownerOnlyDirectory(spool);
        } catch (IOException e) {
            throw new PrintmailException(JobCode.STORAGE_FAILED, Text.of("jobs.outboxFolder"));
        }
    }

    Path spoolFile(String spoolName) { return spool.resolve(spoolName); }

    void save(StoredJob job) {
        try {
            DurableFiles.replace(dir.resolve(job.jobId() + ".json"), Json.job(job));
        } catch (IOException e) {
            throw new PrintmailException(JobCode.STORAGE_FAILED,
                    Text.of("jobs.outboxWrite", job.jobId(), e.getClass().getSimpleName()));
        }
    }

    /** Removes the job and its spooled data (delivered or failed: nothing is kept). */
    void delete(StoredJob job) {
        try {
            for (StoredJob.SpooledFile f : job.files()) {
                Files.deleteIfExists(spool.resolve(f.spoolName()));
            }
            Files.deleteIfExists(dir.resolve(job.jobId() + ".json"));
            DurableFiles.forceDirectory(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove finished job {} from the outbox: {}", job.jobId(),
                    e.getClass().getSimpleName());
        }
    }

    /** What loading found: the jobs, and the entries that were damaged and set aside. */
    record Loaded(List<StoredJob> jobs, List<String> setAside) { }

    Loaded loadAll() {
        List<StoredJob> jobs = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                try {
                    jobs.add(Json.storedJob(Files.readAllBytes(f)));
                } catch (IOException e) {
                    Path aside = f.resolveSibling(f.getFileName() + ".unreadable");
                    LOG.warn("Outbox entry {} unreadable; set aside as {}", f.getFileName(), aside.getFileName());
                    Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
                    setAside.add(f.getFileName().toString());
                }
            }
            try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path t : tmps) {
                    Files.deleteIfExists(t); // a save torn before its rename: the old file still stands
                }
            }
        } catch (IOException e) {
            LOG.warn("Outbox folder unreadable: {}", e.getClass().getSimpleName());
        }
        jobs.sort(Comparator.comparing(StoredJob::submitted).thenComparing(StoredJob::jobId));
        deleteOrphanSpool(jobs);
        return new Loaded(jobs, setAside);
    }

    /** Spool files no job refers to (a crash between spooling and saving): removed, never sent. */
    private void deleteOrphanSpool(List<StoredJob> jobs) {
        java.util.Set<String> referenced = new java.util.HashSet<>();
        jobs.forEach(j -> j.files().forEach(f -> referenced.add(f.spoolName())));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path f : files) {
                if (!referenced.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                    LOG.info("Outbox: removed spool file {} that no job refers to", f.getFileName());
                }
            }
        } catch (IOException e) {
            LOG.warn("Outbox spool folder unreadable: {}", e.getClass().getSimpleName());
        }
    }

    /** Recipients, subjects and bodies are in the entries: only the device's own user may read them. */
    private static void ownerOnlyDirectory(Path d) throws IOException {
        DurableFiles.ownerOnlyDirectory(d);
    }
}
