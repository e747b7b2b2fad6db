package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.printmail.files.DurableFiles;
import org.printmail.files.PowerCuts;

/** A password change cut at any step leaves the old password or the new one working, never neither. */
class AdminPasswordPowerCutTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void theOldOrTheNewPasswordWorksAfterACutAtEveryStep(DurableFiles.Step step) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("webconfig"));
        AdminPassword password = AdminPassword.openOrCreate(folder.resolve("admin-password"), "first-pass-1", 1000);
        try (PowerCuts cuts = PowerCuts.at(step, folder, dir.resolve("cuts"))) {
            assertEquals(Optional.empty(), password.change("first-pass-1", "second-pass-2", "second-pass-2"));
            AdminPassword found = AdminPassword.openOrCreate(
                    cuts.afterEachCut().get(0).resolve("admin-password"), "unused-initial", 1000);
            assertTrue(found.matches("first-pass-1") || found.matches("second-pass-2"));
        }
        assertTrue(AdminPassword.openOrCreate(folder.resolve("admin-password"), "unused-initial", 1000)
                .matches("second-pass-2"));
    }
}
