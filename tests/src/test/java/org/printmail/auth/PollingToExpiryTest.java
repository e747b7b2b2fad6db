package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;

/**
 * RFC 8628 3.5 up to the code's expiry: never faster than the interval (plus slow_down), never
 * early, no poll at or after expiry. Counted and timed at the lab over real HTTPS.
 */
class PollingToExpiryTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aTwentySecondCodeIsPolledEveryFiveSecondsAndNotAgainInItsLastSeconds() throws Exception {
        try (LabRig rig = new LabRig(o -> o.withDeviceCodeLifetime(Duration.ofSeconds(20)), o -> o)) {
            Instant issued = rig.trueTime.instant();
            DeviceCodePrompt prompt = rig.start();
            List<Duration> sleeps = runUntilTheLoopEnds(rig);
            assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, rig.awaitState(AccountState.NOT_SIGNED_IN).code());
            List<Instant> polls = rig.lab.pollTimes(prompt.userCode());
            assertEquals(List.of(issued.plusSeconds(5), issued.plusSeconds(10), issued.plusSeconds(15)),
                    polls, "polls at the lab; the loop slept " + sleeps);
            assertEquals(Duration.ofSeconds(20), sleeps.stream().reduce(Duration.ZERO, Duration::plus),
                    "the loop ends at the code's expiry, not before: " + sleeps);
        }
    }

    @Test
    void slowDownNearExpiryStillSpacesEveryPollByTheGrownInterval() throws Exception {
        try (LabRig rig = new LabRig(o -> o.withDeviceCodeLifetime(Duration.ofSeconds(30))
                .withEmitSlowDown(true), o -> o)) {
            DeviceCodePrompt prompt = rig.start();
            rig.sleeper.advanceBy(Duration.ofSeconds(4)); // a device whose first sleeps end early
            rig.sleeper.awaitSleep();
            rig.sleeper.release(); // t=4: accepted as the first poll
            rig.sleeper.awaitSleep();
            rig.sleeper.release(); // t=8: slow_down, the interval is 10 s from here on
            assertEquals(Duration.ofSeconds(10), rig.sleeper.awaitSleep());
            rig.sleeper.advanceBy(null);
            rig.sleeper.release();
            runUntilTheLoopEnds(rig);
            assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, rig.awaitState(AccountState.NOT_SIGNED_IN).code());
            List<Instant> polls = rig.lab.pollTimes(prompt.userCode());
            assertEquals(4, polls.size(), polls.toString()); // 4, 8, 18, 28
            for (int i = 2; i < polls.size(); i++) {
                assertTrue(!polls.get(i).isBefore(polls.get(i - 1).plusSeconds(10)), polls.toString());
            }
        }
    }

    @Test
    void theNextPollNeverComesSoonerThanTheIntervalEvenWhenABackoffIsCutForExpiry() {
        Duration five = Duration.ofSeconds(5);
        // Plenty of time: the wait as asked.
        assertEquals(OptionalLong.of(5 * S), SignInFlow.nextPoll(0, five, five, 900 * S));
        // A 30 s backoff with 20 s left: one last poll a second before expiry.
        assertEquals(OptionalLong.of(19 * S), SignInFlow.nextPoll(0, Duration.ofSeconds(30), five, 20 * S));
        // The last second holds the only permitted poll: at the interval, not earlier.
        assertEquals(OptionalLong.of(5 * S), SignInFlow.nextPoll(0, Duration.ofSeconds(30), five, 5 * S + 1));
        // The interval reaches the expiry: no poll at all.
        assertEquals(OptionalLong.empty(), SignInFlow.nextPoll(0, five, five, 5 * S));
        assertEquals(OptionalLong.empty(), SignInFlow.nextPoll(15 * S, five, five, 20 * S));
    }

    /** Releases every sleep until the loop stops asking; fails if it asks implausibly often. */
    static List<Duration> runUntilTheLoopEnds(LabRig rig) throws InterruptedException {
        List<Duration> sleeps = new ArrayList<>();
        while (true) {
            Duration d = rig.sleeper.nextSleepWithin(Duration.ofMillis(1500));
            if (d == null) {
                return sleeps;
            }
            sleeps.add(d);
            if (sleeps.size() > 40) {
                fail("the poll loop kept going: " + sleeps.subList(0, 40));
            }
            rig.sleeper.release();
        }
    }
}
