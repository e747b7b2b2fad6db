package org.printmail.store;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;

/**
 * The byte port under the vault: an NVRAM-style partition of fixed size, written in pages. The
 * vault only relies on what real flash or a file gives: bytes written before {@link #force()}
 * returned are durable; a write cut by power loss may leave any prefix written and the rest of a
 * partly programmed page holding garbage. Tests put a power-cutting medium here.
 */
interface Medium extends Closeable {

    /** The partition size in bytes as found on the medium. */
    int size();

    /** The program unit: a torn write leaves at most the page it was in undefined. */
    int pageSize();

    /** Fills {@code into} from {@code offset}. */
    void read(long offset, byte[] into) throws IOException;

    void write(long offset, byte[] data) throws IOException;

    /** Returns once everything written so far is on the medium. */
    void force() throws IOException;

    /**
     * Keeps the current image for support under another name (never read by the vault again)
     * and leaves a blank, zeroed partition of the configured size in its place.
     *
     * @return where the old image went, for the log; never contains secrets
     */
    String setAside(Instant now) throws IOException;
}
