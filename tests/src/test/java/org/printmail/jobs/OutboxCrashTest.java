package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.auth.AccountState;
import org.printmail.auth.AuthOptions;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.SenderOptions;
import org.printmail.auth.AccountId;

/**
 * 200 queued jobs, the device process killed with SIGKILL at random points and restarted until
 * the outbox is empty: every job is delivered, duplicates only for jobs a kill interrupted (the
 * documented at-least-once guarantee, same Message-ID), and exactly one log line per job.
 */
class OutboxCrashTest {
    static final int JOBS = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void killingTheDeviceAtRandomPointsNeverLosesAJob() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path attachment = dir.resolve("page.pdf");
        Files.write(attachment, java.util.Arrays.copyOf(
                Files.readAllBytes(root.resolve("test-fixtures/scans/sample-scan.pdf")), 4096));
        Path data = dir.resolve("device");
        Random random = new Random(42);
        try (LabServices lab = LabServices.start(root, LabIdentityOptions.defaults(root,
                java.time.Clock.systemUTC()).withPort(0).withPollInterval(java.time.Duration.ofSeconds(1)), 0,
                java.time.Clock.systemUTC())) {
            List<String> ids = new ArrayList<>();
            Device.Options o = Device.Options.defaults(data, java.time.Clock.systemUTC());
            o = new Device.Options(data, o.clock(), AuthOptions.defaults(), SenderOptions.defaults(),
                    o.jobs().withWorker(false));
            try (Device device = Device.start(o, n -> lab.profile(), lab.profile())) {
                DeviceCodePrompt p = device.accounts().startSignIn(AccountId.deviceMail(), lab.profile());
                lab.identity().approve(p.userCode(), LabUsers.ADMIN);
                long end = System.currentTimeMillis() + 15_000;
                while (device.accounts().status(AccountId.deviceMail()).state() != AccountState.SIGNED_IN
                        && System.currentTimeMillis() < end) {
                    Thread.sleep(50);
                }
                for (int i = 0; i < JOBS; i++) {
                    JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"),
                            "job " + i, "", List.of(attachment)));
                    assertTrue(t.accepted(), t.toString());
                    ids.add(t.jobId());
                }
            }
            int kills = 0;
            boolean finished = false;
            // Eight kills at random points (start-up, mid-send, between 250 and the record), then
            // one run left to finish.
            for (int round = 0; round < 9 && !finished; round++) {
                Process child = startChild(root, data, lab);
                long wait = round < 8 ? 800 + random.nextInt(2500) : 180_000;
                if (child.waitFor(wait, TimeUnit.MILLISECONDS)) {
                    assertEquals(0, child.exitValue(), "the device process failed on its own: "
                            + Files.readString(data.getParent().resolve("child.log")));
                    finished = true;
                } else {
                    child.destroyForcibly().waitFor();
                    kills++;
                }
            }
            assertTrue(finished, "the outbox never emptied");
            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage m : lab.mail().receivedMessages()) {
                copies.merge(m.getMessageID(), 1, Integer::sum);
            }
            int duplicates = 0;
            for (String id : ids) {
                int n = copies.getOrDefault("<" + id + "@printmail.device>", 0);
                assertTrue(n >= 1, id + " was never delivered");
                duplicates += n - 1;
            }
            try (Device device = Device.start(o, n -> lab.profile(), lab.profile())) {
                List<JobLogEntry> log = device.jobs().jobLog();
                for (String id : ids) {
                    List<JobLogEntry> lines = log.stream().filter(e -> e.jobId().equals(id)).toList();
                    assertEquals(1, lines.size(), "log lines for " + id);
                    assertEquals(JobResult.SENT, lines.get(0).result());
                    // One line per job: a job two kills both caught after the server's 250 has two
                    // extra copies and one note, so the note is checked per job, not counted.
                    if (copies.get("<" + id + "@printmail.device>") > 1) {
                        assertTrue(lines.get(0).message().contains("resent after a restart"),
                                id + " was delivered more than once, but its log line does not say so: "
                                        + lines.get(0).message());
                    }
                }
                assertTrue(duplicates <= kills, duplicates + " duplicates after " + kills + " kills");
            }
            System.out.printf("outbox crash test: %d jobs, %d kills, %d duplicate deliveries%n", JOBS, kills,
                    duplicates);
            assertTrue(kills > 0, "no kill happened; the test proved nothing");
        }
    }

    private static Process startChild(Path root, Path data, LabServices lab) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                OutboxCrashChild.class.getName(), data.toString(), lab.identity().authorityBase().toString(),
                String.valueOf(lab.mail().port()));
        pb.directory(root.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(data.getParent().toFile(), "child.log"));
        return pb.start();
    }
}
