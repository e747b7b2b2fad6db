package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.printmail.files.DurableFiles;
import org.printmail.files.PowerCuts;

/** An outbox entry rewritten (a new state after an attempt) is the old or the new one after a cut. */
class OutboxPowerCutTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void aJobIsItsOldOrItsNewStateAfterACutAtEveryStep(DurableFiles.Step step) {
        Path outbox = dir.resolve("outbox");
        OutboxStore store = new OutboxStore(outbox);
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        StoredJob queued = new StoredJob("job-1", JobType.SCAN_TO_EMAIL, t, JobState.QUEUED, 0, t, t.plusSeconds(86400),
                t.plusSeconds(86400), 0, null, "<job-1@printmail>", List.of("a@contoso.example"), "Scan", "",
                null, null, null, null, List.of());
        store.save(queued);
        StoredJob retrying = queued.next(JobState.RETRY_WAIT, t.plusSeconds(60), 384, "busy");
        try (PowerCuts cuts = PowerCuts.at(step, outbox, dir.resolve("cuts"))) {
            store.save(retrying);
            OutboxStore.Loaded found = new OutboxStore(cuts.afterEachCut().get(0)).loadAll();
            assertEquals(List.of(), found.setAside(), "nothing damaged");
            assertEquals(1, found.jobs().size());
            assertTrue(found.jobs().get(0).equals(queued) || found.jobs().get(0).equals(retrying));
        }
    }
}
