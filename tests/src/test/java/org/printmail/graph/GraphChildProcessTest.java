package org.printmail.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.config.MailTransport;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobResult;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabUsers;

/**
 * The Graph transport in a separate device process: 20 MB and 100 MB scans streamed from the
 * encrypted spool at {@code -Xmx32m} arrive with matching SHA-256; and a SIGKILL between the
 * draft and its send leaves neither a lost job nor a pile of drafts.
 */
class GraphChildProcessTest {
    @TempDir
    Path dir;
    private GraphChildRig rig;

    @BeforeEach
    void start() { rig = new GraphChildRig(dir); }

    @AfterEach
    void stop() { rig.close(); }

    @Test
    @Timeout(600)
    void twentyAndOneHundredMegabyteScansGoThroughUploadSessionsAtXmx32mAndArriveIntact() throws Exception {
        Path twenty = GraphRig.randomFile(dir, "scan-20mb.pdf", 20L * 1024 * 1024);
        Path hundred = GraphRig.randomFile(dir, "scan-100mb.pdf", Long.getLong("graph.child.mb", 100) * 1024 * 1024);
        List<String> ids = rig.queue(MailTransport.MICROSOFT_GRAPH, List.of(twenty, hundred));

        Process p = rig.child("-Xmx32m", "child-large.log");
        boolean done = p.waitFor(Long.getLong("graph.child.minutes", 8), TimeUnit.MINUTES);
        String out = rig.log("child-large.log");
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "the device process finished: " + out.substring(Math.max(0, out.length() - 4000)));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("max heap 3"), out);

        assertTrue(rig.lab.mail().waitForIncoming(2, Duration.ofMinutes(4)), "both messages were delivered");
        assertEquals(2, rig.lab.mail().receivedMessages().length);
        assertEquals(GraphRig.sha256(twenty), GraphRig.attachmentSha256(rig.received("scan-20mb.pdf"), "scan-20mb.pdf"));
        assertEquals(GraphRig.sha256(hundred),
                GraphRig.attachmentSha256(rig.received("scan-100mb.pdf"), "scan-100mb.pdf"));
        List<JobLogEntry> log = rig.jobLog();
        for (String id : ids) {
            assertEquals(JobResult.SENT, log.stream().filter(e -> e.jobId().equals(id)).findFirst()
                    .orElseThrow().result(), out);
        }
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN));
        System.out.println("graph child at -Xmx32m: " + out.lines().filter(l -> l.contains("peak RSS"))
                .findFirst().orElse(out));
    }

    @Test
    @Timeout(180)
    void sigkillBetweenDraftAndSendLeavesNeitherALostJobNorAPileOfDrafts() throws Exception {
        Path scan = GraphRig.randomFile(dir, "scan-8mb.pdf", 8L * 1024 * 1024);
        String id = rig.queue(MailTransport.MICROSOFT_GRAPH, List.of(scan)).get(0);
        // The first range waits 10 s in the lab: the draft exists, nothing is sent; kill then.
        rig.lab.graph().injectFault(LabGraphFault.slow(LabGraphFault.Target.UPLOAD, 1, Duration.ofSeconds(10)));
        Process first = rig.child("-Xmx64m", "child-killed.log");
        long end = System.currentTimeMillis() + 60_000;
        while (rig.lab.graph().requests(LabGraphFault.Target.UPLOAD) == 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(1, rig.lab.graph().draftCount(LabUsers.ADMIN), "killed between draft and send");
        first.destroyForcibly(); // SIGKILL
        first.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, rig.lab.mail().receivedMessages().length);

        Process second = rig.child("-Xmx64m", "child-restarted.log");
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, second.exitValue(), rig.log("child-restarted.log"));

        assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(30)));
        Thread.sleep(500); // a second copy, if any, would have arrived by now
        assertEquals(1, rig.lab.mail().receivedMessages().length, "sent once");
        assertEquals(GraphRig.sha256(scan),
                GraphRig.attachmentSha256(rig.lab.mail().receivedMessages()[0], "scan-8mb.pdf"));
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN), "the killed attempt's draft was removed");
        List<JobLogEntry> lines = rig.jobLog().stream().filter(e -> e.jobId().equals(id)).toList();
        assertEquals(1, lines.size());
        assertEquals(JobResult.SENT, lines.get(0).result());
    }
}
