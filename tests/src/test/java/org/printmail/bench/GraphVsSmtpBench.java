package org.printmail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.printmail.config.MailTransport;
import org.printmail.graph.GraphChildRig;
import org.printmail.graph.GraphDeviceChild;

/**
 * A 100 MB scan through each transport, side by side: queued on a device (encrypted spool),
 * sent by a {@link GraphDeviceChild} device process with {@code -Xmx32m}, which reports the time
 * until its outbox was empty and its peak RSS (VmHWM); the received attachment's SHA-256 is
 * checked here. Run: {@code tests/src/test/bench/graph-vs-smtp.sh}
 */
public final class GraphVsSmtpBench {
    private static final long SIZE = 100L * 1024 * 1024;

    private GraphVsSmtpBench() { }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("printmail-graph-bench-");
        Path scan = dir.resolve("scan-100mb.pdf");
        String sha = writeRandom(scan);
        System.out.println("| transport | child -Xmx32m: outbox empty after | peak RSS | SHA-256 |");
        System.out.println("|---|---|---|---|");
        for (MailTransport t : List.of(MailTransport.SMTP_XOAUTH2, MailTransport.MICROSOFT_GRAPH)) {
            Path run = Files.createDirectories(dir.resolve(t.name()));
            try (GraphChildRig rig = new GraphChildRig(run)) {
                rig.queue(t, List.of(scan));
                Process p = rig.child("-Xmx32m", "child.log");
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException(t + ": the device process failed: " + rig.log("child.log"));
                }
                String line = rig.log("child.log").lines().filter(l -> l.contains("peak RSS")).findFirst().orElse("");
                if (!rig.lab.mail().waitForIncoming(1, Duration.ofMinutes(4))) {
                    throw new IllegalStateException(t + ": nothing arrived");
                }
                String got = attachmentSha(rig);
                System.out.println("| " + t.displayName() + " | " + between(line, "after ", ";") + " | "
                        + line.substring(line.indexOf("peak RSS ") + 9) + " | "
                        + (sha.equals(got) ? "matches" : "DIFFERS") + " |");
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static String attachmentSha(GraphChildRig rig) throws Exception {
        jakarta.mail.Multipart mp = (jakarta.mail.Multipart) rig.received("scan-100mb.pdf").getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if ("scan-100mb.pdf".equals(mp.getBodyPart(i).getFileName())) {
                java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
                try (var in = new java.security.DigestInputStream(mp.getBodyPart(i).getInputStream(), d)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return java.util.HexFormat.of().formatHex(d.digest());
            }
        }
        return "";
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        int b = a < 0 ? -1 : s.indexOf(to, a);
        return a < 0 || b < 0 ? s : s.substring(a + from.length(), b);
    }

    private static String writeRandom(Path file) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        java.util.Random random = new java.util.Random(42);
        try (var out = Files.newOutputStream(file)) {
            for (long done = 0; done < SIZE; done += buf.length) {
                random.nextBytes(buf);
                sha.update(buf);
                out.write(buf);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
