package org.printmail.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.printmail.config.MailTransport;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobView;
import org.printmail.jobs.OutboxAccess;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/** Test helpers for a device whose mailbox sends through the lab's Graph stand-in. */
final class GraphRig {
    private GraphRig() { }

    /** A lab device whose mailbox sends through Graph, signed in as the lab admin. */
    static DeviceRig signedInOnGraph() throws InterruptedException {
        DeviceRig rig = new DeviceRig();
        useGraph(rig);
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        return rig;
    }

    /** Submits a Scan to Email to bob; returns the job id. */
    static String submitScan(DeviceRig rig, String subject, List<Path> files) {
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("bob@contoso.example"),
                subject, "Attached.", files));
        if (!t.accepted()) {
            throw new AssertionError("refused: " + t.preflight());
        }
        return t.jobId();
    }

    static void useGraph(DeviceRig rig) {
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(MailTransport.MICROSOFT_GRAPH))
                .withAttachmentLimit(0, true));
    }

    static void sendDue(DeviceRig rig) { OutboxAccess.runDue(rig.device().jobs()); }

    static JobLogEntry logOf(DeviceRig rig, String jobId) {
        return rig.device().jobs().jobLog().stream().filter(e -> e.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new AssertionError("no job log entry for " + jobId + "; outbox: "
                        + rig.device().jobs().outbox()));
    }

    static JobView queued(DeviceRig rig, String jobId) {
        return rig.device().jobs().outbox().stream().filter(v -> v.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new AssertionError("job " + jobId + " is not queued; log: "
                        + rig.device().jobs().jobLog()));
    }

    /** A file of random bytes, written in blocks (no large array in memory). */
    static Path randomFile(Path dir, String name, long size) throws IOException {
        Path f = dir.resolve(name);
        Random r = new Random(size);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(f)) {
            for (long left = size; left > 0; left -= block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return f;
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return sha256(in);
        }
    }

    /** The SHA-256 of the received attachment with this file name. */
    static String attachmentSha256(MimeMessage m, String name) throws IOException, MessagingException {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (name.equals(p.getFileName())) {
                try (InputStream in = p.getInputStream()) {
                    return sha256(in);
                }
            }
        }
        throw new AssertionError("no attachment " + name + " in " + List.of(m.getSubject()));
    }
}
