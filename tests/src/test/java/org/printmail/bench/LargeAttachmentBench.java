package org.printmail.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.printmail.lab.LabMailServer;

/**
 * A 200 MB attachment sent by printmail's sender in a child JVM limited to {@code -Xmx32m}; the
 * child reports its send time and peak RSS (VmHWM), this parent runs the lab server and checks
 * the received attachment's SHA-256 against the file's.
 *
 * <p>Run: {@code tests/src/test/bench/smtp-large-attachment.sh}
 */
public final class LargeAttachmentBench {
    static final String USER = "scanner@contoso.example";
    static final String TOKEN = "bench-token";
    private static final long SIZE = 200L * 1024 * 1024;

    private LargeAttachmentBench() { }

    public static void main(String[] args) throws Exception {
        Path tls = Path.of("test-fixtures", "tls");
        Path file = Files.createTempFile("printmail-bench-", ".pdf");
        try (LabMailServer lab = LabMailServer.start(tls.resolve("localhost.p12"), "test-only", 0,
                (u, t) -> USER.equals(u) && TOKEN.equals(t))) {
            String expected = writeRandom(file, SIZE);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                    LargeAttachmentChild.class.getName(), String.valueOf(lab.port()), file.toString(),
                    tls.resolve("test-ca.pem").toString()).inheritIO().start();
            if (!child.waitFor(10, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new IllegalStateException("child did not finish in 10 minutes");
            }
            if (child.exitValue() != 0) {
                throw new IllegalStateException("child failed with exit code " + child.exitValue());
            }
            if (!lab.waitForIncoming(1, Duration.ofMinutes(2))) {
                throw new IllegalStateException("the lab server received nothing");
            }
            String got = attachmentSha256(lab.receivedMessages()[0]);
            System.out.println("received attachment SHA-256 " + (expected.equals(got) ? "matches" : "DIFFERS")
                    + " the file's (" + got + ")");
            if (!expected.equals(got)) {
                System.exit(1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String writeRandom(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += buf.length) {
                random.nextBytes(buf);
                sha.update(buf);
                out.write(buf);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String attachmentSha256(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(mp.getBodyPart(1).getInputStream(), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static List<String> recipients() { return List.of("bob@contoso.example"); }
}
