package dev.arrears.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules allow an empty "should", so they would pass on nothing at all: these tests prove that
 * the architecture test refuses to run its rules when a wrong package string imported no classes,
 * or when a package the rules speak of is empty.
 */
class ArchitectureImportGuardTest {

    @Test
    void aMisspeltRootImportsNothingAndIsRefused() {
        JavaClasses nothing = new ClassFileImporter().importPackages("dev.arears");

        assertThat(nothing).isEmpty();
        assertThat(ArchitectureRules.domainUsesOnlyJava("dev.arears").evaluate(nothing).hasViolation())
                .as("without the guard the rule would pass on no classes")
                .isFalse();
        assertThatThrownBy(() -> ArchitectureRules.requireEveryPackage(nothing, "dev.arears", ArchitectureRules.PACKAGES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("imported no classes under dev.arears");
    }

    @Test
    void aPackageTheRulesSpeakOfButThatHoldsNothingIsRefused() {
        JavaClasses production = production();

        assertThatThrownBy(() -> ArchitectureRules.requireEveryPackage(production, "dev.arrears", List.of("domain", "platfrom")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[dev.arrears.platfrom]")
                .hasMessageNotContaining("dev.arrears.domain");
    }

    @Test
    void everyPackageOfTheProductionCodeHoldsClasses() {
        JavaClasses production = production();

        assertThat(ArchitectureRules.requireEveryPackage(production, "dev.arrears", ArchitectureRules.PACKAGES))
                .isSameAs(production);
    }

    private static JavaClasses production() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arrears");
    }
}
