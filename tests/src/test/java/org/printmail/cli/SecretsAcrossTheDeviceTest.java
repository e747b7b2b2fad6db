package org.printmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.LogCapture;

/**
 * Sign-in, refresh, send and sign-out on the whole device with every logger at ALL: no access
 * token or refresh token the device ever held appears in a log line, a thrown exception, a job
 * log entry or an account status.
 */
class SecretsAcrossTheDeviceTest {
    @Test
    void noTokenAppearsInAnyLogLineExceptionJobLogOrStatusFromSignInToSignOut() throws Exception {
        List<String> seen = new ArrayList<>();
        LogCapture capture = LogCapture.start(Level.ALL);
        Set<String> tokens = new LinkedHashSet<>();
        try (DeviceRig rig = new DeviceRig()) {
            AccountId id = AccountId.deviceMail();
            rig.signIn(id, LabUsers.ADMIN);
            remember(rig, tokens);
            send(rig);
            rig.clock.advance(Duration.ofHours(2)); // the access token expired: the next send refreshes
            send(rig);
            remember(rig, tokens);
            rig.lab.identity().revoke(LabUsers.ADMIN, org.printmail.lab.RevocationReason.PASSWORD_CHANGED);
            rig.clock.advance(Duration.ofHours(2));
            send(rig); // refresh refused: 370, the job is held
            rig.awaitState(id, AccountState.SIGN_IN_REQUIRED);
            seen.add(rig.device().accounts().statuses().toString());
            for (JobLogEntry e : rig.device().jobs().jobLog()) {
                seen.add(e.toString());
            }
            seen.add(rig.device().jobs().outbox().toString());
            rig.device().accounts().signOut(id);
            assertEquals(AccountState.NOT_SIGNED_IN, rig.device().accounts().status(id).state());
            assertTrue(rig.device().vault().find(id.vaultKey()).isEmpty());
        } finally {
            capture.close();
        }
        seen.addAll(capture.lines());
        assertTrue(tokens.size() >= 4, "a sign-in and a rotation give two access and two refresh tokens");
        assertFalse(seen.isEmpty());
        String all = String.join("\n", seen);
        for (String t : tokens) {
            assertFalse(all.contains(t), "a token leaked into the logs");
        }
    }

    private static void remember(DeviceRig rig, Set<String> tokens) {
        AccountRecord r = rig.device().vault().find(AccountId.deviceMail().vaultKey()).orElseThrow();
        tokens.add(r.accessToken());
        tokens.add(r.refreshToken());
    }

    private static void send(DeviceRig rig) {
        rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "", List.of()));
        org.printmail.jobs.OutboxAccess.runDue(rig.device().jobs());
    }
}
