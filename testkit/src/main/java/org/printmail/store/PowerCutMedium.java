package org.printmail.store;

import java.io.IOException;
import java.time.Instant;
import java.util.Random;

/**
 * Wraps a medium and loses power after a set number of written bytes: the write in progress
 * keeps its first bytes, and in {@link Tear#GARBAGE_TO_PAGE_END} mode the rest of the page being
 * programmed holds garbage, as an interrupted flash page program leaves it. Then every further
 * call fails, like a device without power.
 */
final class PowerCutMedium implements Medium {
    enum Tear { CLEAN, GARBAGE_TO_PAGE_END }

    /** Thrown where the power went; nothing in the vault catches it. */
    static final class PowerLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PowerLost() { super("power lost", null, false, false); }
    }

    private final Medium inner;
    private final Random garbage;
    private long budget = Long.MAX_VALUE;
    private Tear tear = Tear.CLEAN;
    private long written;
    private boolean dead;

    PowerCutMedium(Medium inner, long garbageSeed) {
        this.inner = inner;
        this.garbage = new Random(garbageSeed);
    }

    /** From now on, power fails once {@code bytes} more bytes were written. */
    void cutAfter(long bytes, Tear mode) {
        this.budget = written + bytes;
        this.tear = mode;
    }

    long bytesWritten() { return written; }

    boolean powerLost() { return dead; }

    @Override
    public int size() { return inner.size(); }

    @Override
    public int pageSize() { return inner.pageSize(); }

    @Override
    public void read(long offset, byte[] into) throws IOException {
        alive();
        inner.read(offset, into);
    }

    @Override
    public void write(long offset, byte[] data) throws IOException {
        alive();
        if (written + data.length <= budget) {
            inner.write(offset, data);
            written += data.length;
            return;
        }
        int keep = (int) (budget - written);
        byte[] torn = new byte[keep];
        System.arraycopy(data, 0, torn, 0, keep);
        inner.write(offset, torn);
        if (tear == Tear.GARBAGE_TO_PAGE_END) {
            long cutAt = offset + keep;
            long pageEnd = Math.min((cutAt / pageSize() + 1) * pageSize(), offset + data.length);
            byte[] noise = new byte[(int) (pageEnd - cutAt)];
            garbage.nextBytes(noise);
            inner.write(cutAt, noise);
        }
        written = budget;
        dead = true;
        throw new PowerLost();
    }

    @Override
    public void force() throws IOException {
        alive();
        inner.force();
    }

    @Override
    public String setAside(Instant now) throws IOException {
        alive();
        return inner.setAside(now);
    }

    @Override
    public void close() throws IOException { inner.close(); }

    private void alive() {
        if (dead) {
            throw new PowerLost();
        }
    }
}
