package org.printmail.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.printmail.architecture.wrongway.StoreThatReachesUp;
import org.printmail.device.FirmwareMain;

/**
 * The package arrows of docs/architecture.md, checked on the firmware's classes: the UI reaches
 * the mail path only through jobs; jobs use smtp and auth; those use store and trust; everything
 * may use config, codes and files; only the device assembly sees every layer.
 */
class PackageArrowsTest {
    /** Only the firmware's own class folder (or jar): scanning the whole classpath is slow. */
    private static final JavaClasses FIRMWARE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(java.util.Set.of(Location.of(
                    FirmwareMain.class.getProtectionDomain().getCodeSource().getLocation())));

    static ArchRule arrows() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Device").definedBy("org.printmail.device..")
                .layer("UI").definedBy("org.printmail.webconfig..", "org.printmail.panel..")
                .layer("Jobs").definedBy("org.printmail.jobs..")
                .layer("Mail").definedBy("org.printmail.smtp..", "org.printmail.graph..")
                .layer("Auth").definedBy("org.printmail.auth..")
                .layer("Store").definedBy("org.printmail.store..")
                .layer("Trust").definedBy("org.printmail.trust..")
                .layer("Base").definedBy("org.printmail.config..", "org.printmail.codes..", "org.printmail.files..",
                        "org.printmail.time..", "org.printmail.i18n..", "org.printmail.threads..")
                .whereLayer("Device").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyBeAccessedByLayers("Device")
                .whereLayer("Jobs").mayOnlyBeAccessedByLayers("UI", "Device")
                // The UI signs accounts in (auth) but sends nothing itself: mail goes through jobs.
                .whereLayer("Mail").mayOnlyBeAccessedByLayers("Jobs", "Device")
                .whereLayer("Auth").mayOnlyBeAccessedByLayers("Jobs", "UI", "Device")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Auth", "Device")
                .whereLayer("Trust").mayOnlyBeAccessedByLayers("Auth", "Mail", "Jobs", "UI", "Device")
                .because("dependencies point inward: UI -> jobs -> smtp/auth -> store (docs/architecture.md)");
    }

    static ArchRule baseDependsOnNothingAbove() {
        return noClasses().that().resideInAnyPackage("org.printmail.config..", "org.printmail.codes..",
                        "org.printmail.files..", "org.printmail.time..", "org.printmail.i18n..",
                        "org.printmail.threads..")
                .should().dependOnClassesThat().resideInAnyPackage("org.printmail.trust..", "org.printmail.store..",
                        "org.printmail.auth..", "org.printmail.smtp..", "org.printmail.graph..", "org.printmail.jobs..",
                        "org.printmail.webconfig..", "org.printmail.panel..", "org.printmail.device..");
    }

    static ArchRule nothingFromTheLabOrTheTests() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("org.printmail.lab..",
                        "org.printmail.testing..", "com.icegreen..", "org.junit..", "org.openqa..")
                .because("the firmware image carries only the firmware");
    }

    @Test
    void dependenciesPointInward() {
        arrows().check(FIRMWARE);
    }

    @Test
    void configCodesFilesAndTimeDependOnNothingAbove() {
        baseDependsOnNothingAbove().check(FIRMWARE);
    }

    @Test
    void theFirmwareUsesNothingFromTheLabOrTheTests() {
        nothingFromTheLabOrTheTests().check(FIRMWARE);
    }

    @Test
    void theRulesCatchAWrongWayImport() {
        // A store class that reaches up into jobs: the rule must fail on it, or it checks nothing.
        JavaClasses wrong = new ClassFileImporter().importClasses(StoreThatReachesUp.class,
                org.printmail.jobs.JobService.class);
        assertThrows(AssertionError.class, () -> layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Jobs").definedBy("org.printmail.jobs..")
                .layer("Store").definedBy("..wrongway..")
                .whereLayer("Jobs").mayNotBeAccessedByAnyLayer()
                .check(wrong));
    }
}
