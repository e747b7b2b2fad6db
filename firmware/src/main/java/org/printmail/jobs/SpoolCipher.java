package org.printmail.jobs;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Spooled scan data at rest: AES-256-GCM in independent 64 KiB segments, so a 200 MB scan is
 * encrypted and read back in constant memory (the JDK's one-shot GCM buffers whole messages on
 * decryption). Each segment's nonce is a random per-file prefix plus the segment number, and its
 * associated data binds the spool name, the segment number and a last-segment flag, so segments
 * cannot be reordered, swapped between files or truncated unnoticed.
 */
final class SpoolCipher {
    private static final byte[] MAGIC = "PMSPOOL1".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENT = 64 * 1024;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SpoolCipher(SecretKey key) { this.key = key; }

    /** Encrypts {@code source} into {@code target}, forcing it to disk; returns the plaintext size. */
    long encrypt(Path source, Path target, String spoolName) throws IOException {
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        long total = 0;
        try (InputStream in = Files.newInputStream(source);
             var ch = java.nio.channels.FileChannel.open(target, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            out.write(MAGIC);
            out.write(prefix);
            byte[] buf = new byte[SEGMENT];
            byte[] next = new byte[SEGMENT];
            int n = in.readNBytes(buf, 0, SEGMENT);
            long index = 0;
            while (true) {
                int m = n == SEGMENT ? in.readNBytes(next, 0, SEGMENT) : 0;
                boolean last = m == 0;
                byte[] sealed = seal(Cipher.ENCRYPT_MODE, prefix, index, last, spoolName, buf, n);
                out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
                out.write(sealed);
                total += n;
                if (last) {
                    break;
                }
                byte[] t = buf;
                buf = next;
                next = t;
                n = m;
                index++;
            }
            out.flush();
            ch.force(true);
        }
        return total;
    }

    /** A stream of the decrypted data; fails with IOException on any tampering or truncation. */
    InputStream open(Path file, String spoolName) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), SEGMENT + 64);
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            in.close();
            throw new IOException("spool file " + spoolName + " is not a printmail spool");
        }
        byte[] prefix = in.readNBytes(8);
        return new SegmentStream(in, prefix, spoolName);
    }

    private byte[] seal(int mode, byte[] prefix, long index, boolean last, String name, byte[] data, int len)
            throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).array();
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            ByteArrayOutputStream aad = new ByteArrayOutputStream();
            aad.write(name.getBytes(StandardCharsets.UTF_8));
            aad.write(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
            c.updateAAD(aad.toByteArray());
            return c.doFinal(data, 0, len);
        } catch (GeneralSecurityException e) {
            throw new IOException("spool segment " + index + " of " + name + " failed authentication");
        }
    }

    private final class SegmentStream extends InputStream {
        private final InputStream in;
        private final byte[] prefix;
        private final String name;
        private byte[] current = new byte[0];
        private int pos;
        private long index;
        private boolean done;

        SegmentStream(InputStream in, byte[] prefix, String name) {
            this.in = in;
            this.prefix = prefix;
            this.name = name;
        }

        private boolean fill() throws IOException {
            while (pos >= current.length) {
                if (done) {
                    return false;
                }
                byte[] len = in.readNBytes(4);
                if (len.length < 4) {
                    throw new EOFException("spool " + name + " is truncated");
                }
                int size = ByteBuffer.wrap(len).getInt();
                if (size < 16 || size > SEGMENT + 16) {
                    throw new IOException("spool " + name + " is corrupt");
                }
                byte[] sealed = in.readNBytes(size);
                if (sealed.length < size) {
                    throw new EOFException("spool " + name + " is truncated");
                }
                // A segment is last exactly when nothing follows it; the tag proves which it was.
                in.mark(1);
                boolean last = in.read() < 0;
                in.reset();
                current = seal(Cipher.DECRYPT_MODE, prefix, index++, last, name, sealed, sealed.length);
                pos = 0;
                done = last;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
