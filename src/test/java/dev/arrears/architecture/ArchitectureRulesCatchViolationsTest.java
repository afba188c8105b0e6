package dev.arrears.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that the architecture rules bite: each is run against a small tree of deliberately broken
 * classes (under {@code violations}) and must report the violation, naming the offending class.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE_ROOT = "dev.arrears.architecture.violations";
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = ArchitectureRules.requireEveryPackage(new ClassFileImporter().importPackages(FIXTURE_ROOT),
                FIXTURE_ROOT, ArchitectureRules.PACKAGES);
    }

    @Test
    void aDomainClassImportingAFrameworkIsReported() {
        assertViolation(ArchitectureRules.domainUsesOnlyJava(FIXTURE_ROOT), "DomainUsingJackson");
    }

    @Test
    void applicationReachingIntoPersistenceIsReported() {
        assertViolation(ArchitectureRules.applicationKnowsNoAdapters(FIXTURE_ROOT), "UseCaseUsingAnEntity");
    }

    @Test
    void oneConnectorImportingTheOtherIsReported() {
        assertViolation(ArchitectureRules.connectorsAreIndependent(FIXTURE_ROOT), "XeroBorrowingFromQuickBooks");
    }

    @Test
    void anAdapterCallingAnotherAdapterIsReported() {
        assertViolation(ArchitectureRules.adaptersDoNotLeanOnEachOther(FIXTURE_ROOT), "ResourceUsingAnEntity");
    }

    @Test
    void theSandboxBorrowingAConnectorIsReported() {
        assertViolation(ArchitectureRules.sandboxImportsNothingButTheDomain(FIXTURE_ROOT), "SandboxUsingAConnector");
    }

    @Test
    void productionCodeStartingTheSandboxIsReported() {
        assertViolation(ArchitectureRules.nothingButTheCommandsImportTheSandbox(FIXTURE_ROOT), "ResourceStartingTheSandbox");
    }

    @Test
    void aFileReaderUsingAnEntityIsReported() {
        assertViolation(ArchitectureRules.adaptersDoNotLeanOnEachOther(FIXTURE_ROOT), "PolicyReaderUsingAnEntity");
    }

    @Test
    void applicationUsingAFileReaderIsReported() {
        assertViolation(ArchitectureRules.applicationKnowsNoAdapters(FIXTURE_ROOT), "UseCaseReadingAPolicyFile");
    }

    @Test
    void aCommandCallingAConnectorIsReported() {
        assertViolation(ArchitectureRules.commandsUseNoOtherAdapter(FIXTURE_ROOT), "CommandUsingAConnector");
    }

    @Test
    void aResourceRunningACommandIsReported() {
        assertViolation(ArchitectureRules.nothingButPlatformStartsACommand(FIXTURE_ROOT), "ResourceRunningACommand");
    }

    @Test
    void readingTheSystemClockOutsidePlatformIsReported() {
        EvaluationResult result = ArchitectureRules.onlyPlatformReadsTheSystemClock(FIXTURE_ROOT).evaluate(fixtures);
        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("Instant.now()", "System.currentTimeMillis()", "Clock.systemUTC()", "LocalDate.now()");
        assertThat(report).doesNotContain("PlatformClock");
    }

    private static void assertViolation(com.tngtech.archunit.lang.ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as("rule should have been broken: " + rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(offender);
    }
}
