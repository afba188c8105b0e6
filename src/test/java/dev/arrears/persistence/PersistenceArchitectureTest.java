package dev.arrears.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows this package relies on. The project-wide architecture test guards all of them; these
 * are the ones persistence and its ports must keep.
 */
class PersistenceArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arrears");

    @Test
    void persistence_depends_only_inwards() {
        noClasses().that().resideInAPackage("dev.arrears.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arrears.platform..", "dev.arrears.web..",
                        "dev.arrears.connector..", "dev.arrears.scheduling..")
                .check(MAIN);
    }

    @Test
    void the_application_layer_knows_no_storage() {
        noClasses().that().resideInAPackage("dev.arrears.application..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arrears.persistence..", "jakarta.persistence..",
                        "org.hibernate..", "io.quarkus.hibernate..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void the_domain_never_sees_entities() {
        noClasses().that().resideInAPackage("dev.arrears.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arrears.persistence..", "dev.arrears.application..")
                .check(MAIN);
    }

    @Test
    void persistence_never_reads_the_system_clock() {
        noClasses().that().resideInAPackage("dev.arrears.persistence..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(MAIN);
    }
}
