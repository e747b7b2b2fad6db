package org.printmail.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.testing.LogCapture;
import org.printmail.i18n.Messages;
import org.printmail.jobs.JobResult;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;

class DemoTest {
    @TempDir
    Path dataDir;

    @Test
    void demoSignsInAndDeliversTheScanAndPrintsNoTokenPasswordOrKeyAnywhere() throws Exception {
        LogCapture capture = LogCapture.start(Level.ALL);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        boolean passed;
        try {
            passed = new Demo(Path.of("").toAbsolutePath(), dataDir, new PrintStream(screen, true,
                    StandardCharsets.UTF_8)).run();
        } finally {
            capture.close();
        }
        List<String> logLines = capture.lines();
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(passed, out);
        assertTrue(Messages.stripDirectionalControls(out).contains(JobResult.REFUSED.labelText() + "  code 360"), out);
        assertTrue(out.contains("Attachment: sample-scan.pdf, 140855 bytes"), out);
        assertTrue(out.contains("DEMO PASSED"), out);

        AccountRecord account;
        try (TokenVault vault = TokenVaults.open(VaultOptions.inDirectory(dataDir, Clock.systemUTC()))) {
            account = vault.find(AccountId.deviceMail().vaultKey()).orElseThrow();
        }
        String everything = out + String.join("\n", logLines);
        assertFalse(everything.contains(account.accessToken()), "access token leaked");
        assertFalse(everything.contains(account.refreshToken()), "refresh token leaked");
        assertFalse(everything.contains(LabUsers.ADMIN_PASSWORD), "password leaked");
        assertFalse(everything.contains("test-only"), "keystore password leaked");
        assertFalse(logLines.isEmpty(), "the log capture saw nothing; the check proved nothing");
    }
}
