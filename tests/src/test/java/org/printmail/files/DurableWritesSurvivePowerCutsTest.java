package org.printmail.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.printmail.config.DeviceProfile;
import org.printmail.config.DeviceSettings;
import org.printmail.config.ProfileLoader;
import org.printmail.config.SettingsStore;
import org.printmail.trust.DeviceTrustStore;

/** Every step of a durable write, cut: a reboot finds the old content or the new, never half. */
class DurableWritesSurvivePowerCutsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void aReplacedFileIsOldOrNewAfterACutAtEveryStep(DurableFiles.Step step) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve("f");
        DurableFiles.replace(file, "old".getBytes(StandardCharsets.UTF_8));
        try (PowerCuts cuts = PowerCuts.at(step, data, dir.resolve("cuts"))) {
            DurableFiles.replace(file, "new".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, cuts.afterEachCut().size());
            String found = Files.readString(cuts.afterEachCut().get(0).resolve("f"));
            assertTrue(Set.of("old", "new").contains(found), "found " + found);
            if (step.compareTo(DurableFiles.Step.RENAMED) >= 0) {
                assertEquals("new", found, "after the rename only the new content may be found");
            }
        }
        assertEquals("new", Files.readString(file));
        try (var left = Files.list(data)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left after a completed write");
        }
    }

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void aCreatedFileIsAbsentOrWholeAfterACutAtEveryStep(DurableFiles.Step step) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (PowerCuts cuts = PowerCuts.at(step, data, dir.resolve("cuts"))) {
            assertTrue(DurableFiles.createIfAbsent(data.resolve("secret"), new byte[] {1, 2, 3}));
            Path found = cuts.afterEachCut().get(0).resolve("secret");
            assertTrue(!Files.exists(found) || Files.size(found) == 3);
        }
        assertFalse(DurableFiles.createIfAbsent(data.resolve("secret"), new byte[] {9}), "never replaces");
        assertEquals(3, Files.size(data.resolve("secret")));
    }

    @Test
    void filesAndTheFoldersCreatedForThemAreOwnerOnly() throws Exception {
        Path file = dir.resolve("made/for/it/f");
        DurableFiles.replace(file, new byte[] {1});
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void settingsAreTheOldOrTheNewAfterACutAtEveryStep(DurableFiles.Step step) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        DeviceProfile lab = ProfileLoader.load(Path.of(""), "lab");
        DeviceSettings defaults = DeviceSettings.defaults(lab);
        SettingsStore store = SettingsStore.open(data.resolve("settings.json"), defaults);
        DeviceSettings before = store.update(s -> s);
        try (PowerCuts cuts = PowerCuts.at(step, data, dir.resolve("cuts"))) {
            DeviceSettings after = store.update(s -> s.withFaxAddressPattern("{number}@fax2.example.com"));
            DeviceSettings found = SettingsStore.open(cuts.afterEachCut().get(0).resolve("settings.json"),
                    defaults).current();
            assertTrue(found.equals(before) || found.equals(after), "found " + found);
        }
    }

    @ParameterizedTest
    @EnumSource(DurableFiles.Step.class)
    void anImportedCaIsAbsentOrWholeAfterACutAtEveryStep(DurableFiles.Step step) throws Exception {
        Path cas = Files.createDirectories(dir.resolve("ca-certificates"));
        byte[] pem = Files.readAllBytes(Path.of("test-fixtures/tls/test-ca.pem"));
        try (PowerCuts cuts = PowerCuts.at(step, cas, dir.resolve("cuts"))) {
            DeviceTrustStore.open(cas, Clock.systemUTC()).importCertificates(pem);
            List<DeviceTrustStore.ImportedCa> found =
                    DeviceTrustStore.open(cuts.afterEachCut().get(0), Clock.systemUTC()).list();
            assertTrue(found.size() <= 1);
        }
        assertEquals(1, DeviceTrustStore.open(cas, Clock.systemUTC()).list().size());
    }
}
