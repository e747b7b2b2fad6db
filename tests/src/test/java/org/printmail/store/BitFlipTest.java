package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every single-bit flip anywhere in the partition, one at a time: a flip inside a record is
 * detected (that slot is rejected, the other slot used, or the vault set aside empty), a flip in
 * a slot's unused tail changes nothing, and no exception escapes load. 8 KiB partition, so the
 * exhaustive run stays short; the record format is the same at any size.
 */
class BitFlipTest {
    private static final int PARTITION = 8 * 1024;
    private static final int SLOT = PARTITION / 2;
    private final Logger quiet = Logger.getLogger("org.printmail.store");
    private Level level;

    @BeforeEach
    void quietTheExpectedWarnings() {
        level = quiet.getLevel();
        quiet.setLevel(Level.SEVERE);
    }

    @AfterEach
    void restoreLogging() { quiet.setLevel(level); }

    @Test
    void everyBitFlipInEitherSlotIsDetectedAndTheOtherSlotIsUsed() {
        MemoryMedium medium = new MemoryMedium(PARTITION);
        NvramTokenVault vault = TestVaults.open(medium);
        vault.put(SampleAccounts.deviceMail(1)); // slot A, sequence 1
        List<AccountRecord> older = vault.all();
        vault.put(SampleAccounts.deviceMail(2)); // slot B, sequence 2: the newest
        List<AccountRecord> newest = vault.all();
        byte[] image = medium.snapshot();
        int[] recordEnd = {recordBytes(image, 0), SLOT + recordBytes(image, 1)};

        int detected = 0;
        int harmless = 0;
        for (int bit = 0; bit < PARTITION * 8; bit++) {
            byte[] flipped = flip(image, bit);
            int slot = bit / 8 / SLOT;
            boolean inRecord = bit / 8 < recordEnd[slot];
            NvramTokenVault reloaded = TestVaults.open(new MemoryMedium(flipped));
            String at = "bit " + bit + " (slot " + "AB".charAt(slot) + ")";
            assertEquals(VaultHealth.State.OK, reloaded.health().state(), at);
            if (inRecord) {
                assertInstanceOf(SealedRecord.Invalid.class, TestVaults.SEALER.open(slotOf(flipped, slot)), at);
                assertEquals(slot == 1 ? older : newest, reloaded.all(), at);
                detected++;
            } else {
                assertEquals(newest, reloaded.all(), at);
                harmless++;
            }
        }
        System.out.printf("bit-flip: %d flips inside the two records all detected, %d flips in unused"
                + " slot space changed nothing%n", detected, harmless);
    }

    @Test
    void everyBitFlipInTheOnlyRecordSetsTheVaultAsideEmptyWithoutAnException() {
        MemoryMedium medium = new MemoryMedium(PARTITION);
        TestVaults.open(medium).put(SampleAccounts.faxServer(1)); // slot A only, B blank
        byte[] image = medium.snapshot();
        int end = recordBytes(image, 0);
        for (int bit = 0; bit < end * 8; bit++) {
            MemoryMedium m = new MemoryMedium(flip(image, bit));
            NvramTokenVault reloaded = TestVaults.open(m);
            assertEquals(VaultHealth.State.SET_ASIDE, reloaded.health().state(), "bit " + bit);
            assertEquals(List.of(), reloaded.all());
            assertEquals(1, m.setAsideImages().size());
        }
    }

    private static int recordBytes(byte[] image, int slot) {
        SealedRecord.Verdict v = TestVaults.SEALER.open(slotOf(image, slot));
        return assertInstanceOf(SealedRecord.Valid.class, v).recordBytes();
    }

    private static byte[] slotOf(byte[] image, int slot) {
        return Arrays.copyOfRange(image, slot * SLOT, (slot + 1) * SLOT);
    }

    private static byte[] flip(byte[] image, int bit) {
        byte[] copy = image.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
