package dev.arrears.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fails the build when production code breaks an arrow of DESIGN.md. */
class ArchitectureTest {

    private static final String ROOT = "dev.arrears";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ArchitectureRules.requireEveryPackage(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT), ROOT, ArchitectureRules.PACKAGES);
    }

    @Test
    void domainIsPureJava() {
        ArchitectureRules.domainUsesOnlyJava(ROOT).check(production);
    }

    @Test
    void applicationDependsOnTheDomainOnly() {
        ArchitectureRules.applicationKnowsNoAdapters(ROOT).check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersDoNotLeanOnEachOther(ROOT).check(production);
    }

    @Test
    void connectorsNeverImportEachOther() {
        ArchitectureRules.connectorsAreIndependent(ROOT).check(production);
    }

    @Test
    void sandboxImportsNoArrearsCodeExceptTheDomain() {
        ArchitectureRules.sandboxImportsNothingButTheDomain(ROOT).check(production);
    }

    @Test
    void noArrearsCodeOutsideTheCommandsImportsTheSandbox() {
        ArchitectureRules.nothingButTheCommandsImportTheSandbox(ROOT).check(production);
    }

    @Test
    void commandsUseNoOtherAdapter() {
        ArchitectureRules.commandsUseNoOtherAdapter(ROOT).check(production);
    }

    @Test
    void onlyPlatformStartsACommand() {
        ArchitectureRules.nothingButPlatformStartsACommand(ROOT).check(production);
    }

    @Test
    void onlyPlatformReadsTheSystemClock() {
        ArchitectureRules.onlyPlatformReadsTheSystemClock(ROOT).check(production);
    }
}
