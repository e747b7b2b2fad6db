package org.printmail.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.auth.AccountState;
import org.printmail.auth.AuthOptions;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.config.MailTransport;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.SenderOptions;
import org.printmail.auth.AccountId;

/**
 * The Graph transport in a separate device process: 20 MB and 100 MB scans streamed from the
 * encrypted spool at {@code -Xmx32m} arrive with matching SHA-256; and a SIGKILL between the
 * draft and its send leaves neither a lost job nor a pile of drafts.
 */
class GraphChildProcessTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;
    private LabServices lab;
    private Path data;
    private Device.Options options;

    @BeforeEach
    void start() {
        lab = LabServices.start(ROOT, LabIdentityOptions.defaults(ROOT, Clock.systemUTC()).withPort(0)
                .withPollInterval(Duration.ofSeconds(1)), 0, Clock.systemUTC());
        data = dir.resolve("device");
        Device.Options o = Device.Options.defaults(data, Clock.systemUTC());
        options = new Device.Options(data, o.clock(), AuthOptions.defaults(), SenderOptions.defaults(),
                o.jobs().withWorker(false));
    }

    @AfterEach
    void stop() { lab.close(); }

    /** Signs the device in for Graph and queues one scan per file; the device is closed after. */
    private List<String> queue(List<Path> files) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Device device = Device.start(options, n -> lab.profile(), lab.profile())) {
            device.settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(MailTransport.MICROSOFT_GRAPH))
                    .withAttachmentLimit(0, true));
            DeviceCodePrompt p = device.accounts().startSignIn(AccountId.deviceMail(),
                    device.accountProfiles().apply(AccountId.deviceMail()));
            lab.identity().approve(p.userCode(), LabUsers.ADMIN);
            long end = System.currentTimeMillis() + 15_000;
            while (device.accounts().status(AccountId.deviceMail()).state() != AccountState.SIGNED_IN
                    && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            for (Path f : files) {
                JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of("bob@contoso.example"),
                        f.getFileName().toString(), "", List.of(f)));
                assertTrue(t.accepted(), t.toString());
                ids.add(t.jobId());
            }
        }
        return ids;
    }

    private Process child(String heap, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, heap, "-cp", System.getProperty("java.class.path"),
                GraphDeviceChild.class.getName(), data.toString(), lab.identity().authorityBase().toString(),
                String.valueOf(lab.mail().port()), lab.graph().endpoint().toString());
        pb.directory(ROOT.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), log));
        return pb.start();
    }

    private List<JobLogEntry> jobLog() throws Exception {
        try (Device device = Device.start(options, n -> lab.profile(), lab.profile())) {
            return device.jobs().jobLog();
        }
    }

    private MimeMessage received(String subject) throws Exception {
        for (MimeMessage m : lab.mail().receivedMessages()) {
            if (subject.equals(m.getSubject())) {
                return m;
            }
        }
        throw new AssertionError("no message " + subject);
    }

    @Test
    @Timeout(600)
    void twentyAndOneHundredMegabyteScansGoThroughUploadSessionsAtXmx32mAndArriveIntact() throws Exception {
        Path twenty = GraphRig.randomFile(dir, "scan-20mb.pdf", 20L * 1024 * 1024);
        Path hundred = GraphRig.randomFile(dir, "scan-100mb.pdf", Long.getLong("graph.child.mb", 100) * 1024 * 1024);
        List<String> ids = queue(List.of(twenty, hundred));

        Process p = child("-Xmx32m", "child-large.log");
        boolean done = p.waitFor(Long.getLong("graph.child.minutes", 8), TimeUnit.MINUTES);
        String out = Files.readString(dir.resolve("child-large.log"));
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the device process finished: " + out.substring(Math.max(0, out.length() - 4000)));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("max heap"), out);

        assertTrue(lab.mail().waitForIncoming(2, Duration.ofSeconds(30)));
        assertEquals(2, lab.mail().receivedMessages().length);
        assertEquals(GraphRig.sha256(twenty), GraphRig.attachmentSha256(received("scan-20mb.pdf"), "scan-20mb.pdf"));
        assertEquals(GraphRig.sha256(hundred),
                GraphRig.attachmentSha256(received("scan-100mb.pdf"), "scan-100mb.pdf"));
        List<JobLogEntry> log = jobLog();
        for (String id : ids) {
            assertEquals(JobResult.SENT, log.stream().filter(e -> e.jobId().equals(id)).findFirst()
                    .orElseThrow().result(), out);
        }
        assertEquals(0, lab.graph().draftCount(LabUsers.ADMIN));
        System.out.println("graph child at -Xmx32m: " + out.strip());
    }

    @Test
    @Timeout(180)
    void sigkillBetweenDraftAndSendLeavesNeitherALostJobNorAPileOfDrafts() throws Exception {
        Path scan = GraphRig.randomFile(dir, "scan-8mb.pdf", 8L * 1024 * 1024);
        String id = queue(List.of(scan)).get(0);
        // The first range waits 10 s in the lab: the draft exists, nothing is sent; kill then.
        lab.graph().injectFault(LabGraphFault.slow(LabGraphFault.Target.UPLOAD, 1, Duration.ofSeconds(10)));
        Process first = child("-Xmx64m", "child-killed.log");
        long end = System.currentTimeMillis() + 60_000;
        while (lab.graph().requests(LabGraphFault.Target.UPLOAD) == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, lab.graph().draftCount(LabUsers.ADMIN), "killed between draft and send");
        first.destroyForcibly(); // SIGKILL
        first.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, lab.mail().receivedMessages().length);

        Process second = child("-Xmx64m", "child-restarted.log");
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        String out = Files.readString(dir.resolve("child-restarted.log"));
        assertEquals(0, second.exitValue(), out);

        assertTrue(lab.mail().waitForIncoming(1, Duration.ofSeconds(10)));
        Thread.sleep(500); // a second copy, if any, would have arrived by now
        assertEquals(1, lab.mail().receivedMessages().length, "sent once");
        assertEquals(GraphRig.sha256(scan), GraphRig.attachmentSha256(lab.mail().receivedMessages()[0], "scan-8mb.pdf"));
        assertEquals(0, lab.graph().draftCount(LabUsers.ADMIN), "the killed attempt's draft was removed");
        List<JobLogEntry> lines = jobLog().stream().filter(e -> e.jobId().equals(id)).toList();
        assertEquals(1, lines.size());
        assertEquals(JobResult.SENT, lines.get(0).result());
    }
}
