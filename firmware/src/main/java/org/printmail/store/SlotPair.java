package org.printmail.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.printmail.store.SealedRecord.Blank;
import org.printmail.store.SealedRecord.Valid;
import org.printmail.store.SealedRecord.Verdict;

/**
 * Two record slots, A at offset 0 and B at half the partition. A commit writes the slot not
 * holding the newest valid record, padded with zeros over whatever that slot held before, and
 * forces it; only then is it the newest. Until the force returns the other slot still holds the
 * previous state intact, so a power cut at any byte leaves exactly the old or the new state.
 */
final class SlotPair {
    private static final String[] NAMES = {"A", "B"};

    /** What load found: the newest authentic record, the other if authentic, why any was ignored. */
    record Contents(Optional<Valid> current, Optional<Valid> previous, List<String> rejected,
                    boolean blank) { }

    private final Medium medium;
    private final SealedRecord sealer;
    private final int slotBytes;
    /** Per slot: how many bytes from its start may be non-zero (zeroed by the next write there). */
    private final int[] dirty = new int[2];
    private int newest = -1;
    private long newestSequence;

    SlotPair(Medium medium, SealedRecord sealer, int partitionBytes) {
        this.medium = medium;
        this.sealer = sealer;
        this.slotBytes = partitionBytes / 2;
    }

    /** The largest record a slot holds. */
    int capacity() { return slotBytes; }

    Contents load() throws IOException {
        Verdict[] found = {read(0), read(1)};
        List<String> rejected = new ArrayList<>();
        newest = -1;
        for (int i = 0; i < 2; i++) {
            if (found[i] instanceof Valid v) {
                dirty[i] = pages(v.recordBytes());
                if (newest < 0 || SealedRecord.newer(v.sequence(), newestSequence)) {
                    newest = i;
                    newestSequence = v.sequence();
                }
            } else if (found[i] instanceof SealedRecord.Invalid bad) {
                dirty[i] = slotBytes;
                rejected.add("slot " + NAMES[i] + ": " + bad.reason());
            } else {
                dirty[i] = 0;
            }
        }
        boolean blank = found[0] instanceof Blank && found[1] instanceof Blank;
        if (newest < 0) {
            return new Contents(Optional.empty(), Optional.empty(), rejected, blank);
        }
        Verdict other = found[1 - newest];
        return new Contents(Optional.of((Valid) found[newest]),
                other instanceof Valid v ? Optional.of(v) : Optional.empty(), rejected, false);
    }

    /**
     * Seals and durably writes {@code plaintext} as the new newest record.
     *
     * @return bytes written to the medium
     */
    int commit(byte[] plaintext) throws IOException {
        if (SealedRecord.recordBytes(plaintext.length) > slotBytes) {
            throw new IllegalArgumentException("record larger than a slot"); // callers check first
        }
        if (medium.size() != slotBytes * 2) {
            throw new IOException("the vault image is " + medium.size() + " bytes, expected "
                    + slotBytes * 2);
        }
        int target = newest < 0 ? 0 : 1 - newest;
        long sequence = newest < 0 ? 1 : newestSequence + 1;
        byte[] record = sealer.seal(sequence, plaintext);
        int extent = pages(record.length);
        // Zero what the slot held beyond the new record: no stale ciphertext outlives a commit.
        byte[] image = new byte[Math.max(extent, dirty[target])];
        System.arraycopy(record, 0, image, 0, record.length);
        dirty[target] = image.length; // until the write completes, assume all of it may be set
        medium.write(offset(target), image);
        medium.force();
        dirty[target] = extent;
        newest = target;
        newestSequence = sequence;
        return image.length;
    }

    /** After the medium was set aside (blank) or left in an unknown state. */
    void forget(boolean mediumIsBlank) {
        newest = -1;
        dirty[0] = mediumIsBlank ? 0 : slotBytes;
        dirty[1] = dirty[0];
    }

    private Verdict read(int slot) throws IOException {
        byte[] bytes = new byte[slotBytes];
        medium.read(offset(slot), bytes);
        return sealer.open(bytes);
    }

    private long offset(int slot) { return (long) slot * slotBytes; }

    private int pages(int bytes) {
        int page = medium.pageSize();
        return Math.min(slotBytes, (bytes + page - 1) / page * page);
    }
}
