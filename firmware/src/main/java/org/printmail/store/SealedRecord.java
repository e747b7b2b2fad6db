package org.printmail.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32C;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The record format of one slot. All integers big-endian:
 *
 * <pre>
 * offset size field
 *      0    4 magic "PMTV"
 *      4    2 format version (1)
 *      6    2 header length (36)
 *      8    8 sequence number (newer wins, compared with wrap-around)
 *     16    4 sealed payload length (ciphertext + 16-byte GCM tag)
 *     20   12 GCM nonce, fresh per commit
 *     32    4 CRC32C over bytes 0..31 and the sealed payload
 *     36    n sealed payload: AES-256-GCM, associated data = bytes 0..31
 * </pre>
 *
 * The CRC tells a torn or rotted slot from a foreign one cheaply and with a precise reason; the
 * GCM tag is what makes the slot trustworthy: nothing is believed that did not authenticate
 * under this device's key, header included.
 */
final class SealedRecord {
    static final int HEADER_BYTES = 36;
    static final int TAG_BYTES = 16;
    private static final int MAGIC = 0x504D5456; // "PMTV"
    private static final short VERSION = 1;
    private static final int AAD_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int CRC_OFFSET = 32;
    private static final byte[] HKDF_SALT = bytes("org.printmail.store hkdf salt v1");
    /** The purpose label: a key derived for anything else from the same secret differs. */
    private static final byte[] KEY_PURPOSE = bytes("printmail token vault record key v1, AES-256-GCM");

    /** What a slot holds. */
    sealed interface Verdict permits Blank, Invalid, Valid { }

    /** Never written (all zero). */
    record Blank() implements Verdict { }

    /** Torn, rotted, foreign or tampered; {@code reason} names which, never the contents. */
    record Invalid(String reason) implements Verdict { }

    /** An authentic record; {@code recordBytes} is header plus sealed payload. */
    record Valid(long sequence, byte[] plaintext, int recordBytes) implements Verdict { }

    private final SecretKeySpec key;
    private final SecureRandom random;

    private SealedRecord(SecretKeySpec key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    static SealedRecord forDeviceSecret(byte[] deviceSecret, SecureRandom random) {
        byte[] k = Hkdf.derive(deviceSecret, HKDF_SALT, KEY_PURPOSE, 32);
        try {
            return new SealedRecord(new SecretKeySpec(k, "AES"), random); // the spec keeps a copy
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    static int recordBytes(int plaintextBytes) { return HEADER_BYTES + plaintextBytes + TAG_BYTES; }

    /** Seals {@code plaintext} into a complete record with the given sequence number. */
    byte[] seal(long sequence, byte[] plaintext) {
        int sealedLength = plaintext.length + TAG_BYTES;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] record = new byte[HEADER_BYTES + sealedLength];
        ByteBuffer.wrap(record).putInt(MAGIC).putShort(VERSION).putShort((short) HEADER_BYTES)
                .putLong(sequence).putInt(sealedLength).put(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, nonce);
            gcm.updateAAD(record, 0, AAD_BYTES);
            gcm.doFinal(plaintext, 0, plaintext.length, record, HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed ("
                    + e.getClass().getSimpleName() + ")");
        }
        ByteBuffer.wrap(record).putInt(CRC_OFFSET, crc(record, sealedLength));
        return record;
    }

    /** Judges the bytes of one slot. Never throws for any content. */
    Verdict open(byte[] slot) {
        ByteBuffer b = ByteBuffer.wrap(slot);
        if (slot.length < HEADER_BYTES || b.getInt(0) != MAGIC) {
            return allZero(slot) ? new Blank()
                    : new Invalid("no record header (torn write or foreign data)");
        }
        int sealedLength = b.getInt(16);
        if (sealedLength < TAG_BYTES || sealedLength > slot.length - HEADER_BYTES) {
            return new Invalid("payload length out of range (torn write or corruption)");
        }
        if (b.getInt(CRC_OFFSET) != crc(slot, sealedLength)) {
            return new Invalid("checksum mismatch (torn write or corruption)");
        }
        int version = b.getShort(4) & 0xFFFF;
        if (version != VERSION || (b.getShort(6) & 0xFFFF) != HEADER_BYTES) {
            return new Invalid("record format version " + version + " is not supported");
        }
        byte[] nonce = Arrays.copyOfRange(slot, AAD_BYTES - NONCE_BYTES, AAD_BYTES);
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, nonce);
            gcm.updateAAD(slot, 0, AAD_BYTES);
            byte[] plaintext = gcm.doFinal(slot, HEADER_BYTES, sealedLength);
            return new Valid(b.getLong(8), plaintext, HEADER_BYTES + sealedLength);
        } catch (AEADBadTagException e) {
            return new Invalid("does not authenticate under this device's key"
                    + " (a different device secret, or tampering)");
        } catch (GeneralSecurityException e) {
            return new Invalid("cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Serial-number order (RFC 1982 style): true if {@code a} was committed after {@code b}. */
    static boolean newer(long a, long b) { return a - b > 0; }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return gcm;
    }

    private static int crc(byte[] record, int sealedLength) {
        CRC32C crc = new CRC32C();
        crc.update(record, 0, AAD_BYTES);
        crc.update(record, HEADER_BYTES, sealedLength);
        return (int) crc.getValue();
    }

    private static boolean allZero(byte[] bytes) {
        int or = 0;
        for (byte x : bytes) {
            or |= x;
        }
        return or == 0;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
