package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/** Which slot load believes, built slot by slot with the real record format. */
class SlotSelectionTest {
    private static final int PARTITION = 32 * 1024;
    private static final int SLOT = PARTITION / 2;

    @Test
    void theHigherSequenceWinsAcrossTheWrapAroundOfTheCounter() {
        assertLoads(List.of(SampleAccounts.deviceMail(2)), -1L, List.of(SampleAccounts.deviceMail(1)),
                0L, List.of(SampleAccounts.deviceMail(2)));
        assertLoads(List.of(SampleAccounts.deviceMail(2)), Long.MIN_VALUE, List.of(SampleAccounts.deviceMail(2)),
                Long.MAX_VALUE, List.of(SampleAccounts.deviceMail(1)));
        assertLoads(List.of(SampleAccounts.deviceMail(1)), 7L, List.of(SampleAccounts.deviceMail(1)),
                6L, List.of(SampleAccounts.deviceMail(2)));
    }

    @Test
    void equalSequencesInBothSlotsLoadSlotADeterministically() {
        assertLoads(List.of(SampleAccounts.deviceMail(1)), 5L, List.of(SampleAccounts.deviceMail(1)),
                5L, List.of(SampleAccounts.deviceMail(2)));
    }

    @Test
    void theCommitAfterAWrapGoesToTheOtherSlotWithTheNextSequence() {
        MemoryMedium m = image(-1L, List.of(SampleAccounts.deviceMail(1)),
                -2L, List.of(SampleAccounts.deviceMail(2)));
        NvramTokenVault vault = TestVaults.open(m);
        vault.put(SampleAccounts.deviceMail(3));
        byte[] after = m.snapshot();
        assertEquals(0L, sequence(after, 1), "slot B now holds sequence -1 + 1");
        assertEquals(List.of(SampleAccounts.deviceMail(3)), TestVaults.open(new MemoryMedium(after)).all());
    }

    @Test
    void aSignOutCutBetweenItsTwoCommitsIsFinishedOnTheNextLoad() {
        List<AccountRecord> withAlice = List.of(SampleAccounts.deviceMail(1), SampleAccounts.user("alice", 1));
        List<AccountRecord> signedOut = List.of(SampleAccounts.deviceMail(1));
        MemoryMedium m = image(1L, withAlice, 2L, signedOut);
        NvramTokenVault vault = TestVaults.open(m);
        assertEquals(signedOut, vault.all());
        List<String> alice = SampleAccounts.tokens(List.of(SampleAccounts.user("alice", 1)));
        assertFalse(TestVaults.anySlotDecryptsTo(m.snapshot(), alice));
        assertEquals(3L, sequence(m.snapshot(), 0));
    }

    @Test
    void aRecordThatAuthenticatesButIsNotUnderstoodIsSetAsideWithoutQuotingIt() {
        MemoryMedium m = new MemoryMedium(PARTITION);
        String secretish = "{\"format\":1,\"accounts\":[{\"refreshToken\":\"SECRET-RT-123\"";
        m.write(0, TestVaults.SEALER.seal(1, secretish.getBytes(StandardCharsets.UTF_8)));
        NvramTokenVault vault = TestVaults.open(m);
        assertEquals(VaultHealth.State.SET_ASIDE, vault.health().state());
        assertTrue(vault.health().reason().contains("contents not understood"), vault.health().reason());
        assertFalse(vault.health().reason().contains("SECRET-RT"), vault.health().reason());
        assertEquals(List.of(), vault.all());
    }

    @Test
    void aRecordFromANewerFormatVersionIsRejectedWithItsVersionNamed() {
        byte[] record = TestVaults.SEALER.seal(1, AccountSetCodec.encode(List.of(SampleAccounts.deviceMail(1))));
        record[5] = 2; // format version 2, CRC recomputed so only the version is "wrong"
        CRC32C crc = new CRC32C();
        crc.update(record, 0, 32);
        crc.update(record, 36, record.length - 36);
        ByteBuffer.wrap(record).putInt(32, (int) crc.getValue());
        byte[] slot = Arrays.copyOf(record, SLOT);
        SealedRecord.Invalid v = assertInstanceOf(SealedRecord.Invalid.class, TestVaults.SEALER.open(slot));
        assertEquals("record format version 2 is not supported", v.reason());
    }

    private static void assertLoads(List<AccountRecord> expected, long seqA, List<AccountRecord> a,
                                    long seqB, List<AccountRecord> b) {
        assertEquals(expected, TestVaults.open(image(seqA, a, seqB, b)).all(), "A=" + seqA + " B=" + seqB);
    }

    private static MemoryMedium image(long seqA, List<AccountRecord> a, long seqB, List<AccountRecord> b) {
        MemoryMedium m = new MemoryMedium(PARTITION);
        m.write(0, TestVaults.SEALER.seal(seqA, AccountSetCodec.encode(a)));
        m.write(SLOT, TestVaults.SEALER.seal(seqB, AccountSetCodec.encode(b)));
        return m;
    }

    private static long sequence(byte[] image, int slot) {
        byte[] bytes = Arrays.copyOfRange(image, slot * SLOT, (slot + 1) * SLOT);
        SealedRecord.Verdict v = TestVaults.SEALER.open(bytes);
        return assertInstanceOf(SealedRecord.Valid.class, v).sequence();
    }
}
