package org.printmail.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.printmail.files.DurableFiles;

/**
 * The partition as a file of fixed size, overwritten in place through one {@link FileChannel}.
 * {@link #force()} is {@code force(false)} (fdatasync): the file never changes size after
 * creation, so its data is all a commit needs on the medium.
 */
final class FileMedium implements Medium {
    static final int PAGE_BYTES = 256;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final int configuredSize;
    private FileChannel channel;
    private int size;

    private FileMedium(Path path, int configuredSize) {
        this.path = path;
        this.configuredSize = configuredSize;
    }

    /** Opens the image, creating a zeroed one of {@code configuredSize} if there is none. */
    static FileMedium open(Path path, int configuredSize) throws IOException {
        FileMedium m = new FileMedium(path, configuredSize);
        if (!Files.exists(path)) {
            DurableFiles.createIfAbsent(path, new byte[configuredSize]);
        }
        m.openChannel();
        return m;
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long found = channel.size();
        size = found > Integer.MAX_VALUE ? -1 : (int) found; // a mismatch either way
    }

    @Override
    public int size() { return size; }

    @Override
    public int pageSize() { return PAGE_BYTES; }

    @Override
    public void read(long offset, byte[] into) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw new EOFException("vault image ends at " + (offset + buf.position()));
            }
        }
    }

    @Override
    public void write(long offset, byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            channel.write(buf, offset + buf.position());
        }
    }

    @Override
    public void force() throws IOException { channel.force(false); }

    @Override
    public String setAside(Instant now) throws IOException {
        channel.close();
        String base = path.getFileName() + ".set-aside-" + STAMP.format(now);
        Path target = path.resolveSibling(base);
        for (int n = 1; Files.exists(target); n++) {
            target = path.resolveSibling(base + "-" + n);
        }
        try {
            // Rename, not copy: atomic, and the unreadable bytes are never rewritten in place.
            DurableFiles.move(path, target);
            DurableFiles.replace(path, new byte[configuredSize]);
        } finally {
            if (Files.exists(path)) {
                openChannel();
            }
        }
        return target.getFileName().toString();
    }

    @Override
    public void close() throws IOException { channel.close(); }
}
