package dev.arrears.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The arrows of DESIGN.md as ArchUnit rules, parameterised by the root package so the same rules
 * can be shown to fail on a deliberately broken fixture tree.
 */
final class ArchitectureRules {

    /** Every top-level package of Arrears; each must hold classes, or a rule about it proves nothing. */
    static final List<String> PACKAGES = List.of(
            "domain", "application", "connector", "persistence", "web", "scheduling", "files", "cli", "platform", "sandbox");

    private ArchitectureRules() {
    }

    /**
     * The classes to check, refused when a package the rules speak of imported nothing. The rules
     * allow an empty "should" (the fixture tree has no class for some of them), so a misspelt root
     * or a package that was moved away would otherwise make every rule pass without looking at
     * anything.
     */
    static JavaClasses requireEveryPackage(JavaClasses classes, String root, List<String> packages) {
        if (classes.isEmpty()) {
            throw new AssertionError("the architecture test imported no classes under " + root
                    + ": its rules would pass without checking anything");
        }
        List<String> empty = packages.stream()
                .filter(p -> classes.stream().map(JavaClass::getPackageName)
                        .noneMatch(n -> n.equals(root + "." + p) || n.startsWith(root + "." + p + ".")))
                .toList();
        if (!empty.isEmpty()) {
            throw new AssertionError("the architecture test imported no classes in " + empty.stream()
                    .map(p -> root + "." + p).toList() + ": a rule about them would pass without checking anything");
        }
        return classes;
    }

    static ArchRule domainUsesOnlyJava(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", root + ".domain..")
                .as("the domain is pure Java: it may use java.* and itself only")
                .allowEmptyShould(true);
    }

    static ArchRule applicationKnowsNoAdapters(String root) {
        return noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".persistence..", root + ".connector..", root + ".web..",
                        root + ".scheduling..", root + ".files..", root + ".cli..", root + ".platform..")
                .as("application depends on the domain only, never on an adapter")
                .allowEmptyShould(true);
    }

    static ArchRule adaptersDoNotLeanOnEachOther(String root) {
        String[] adapters = {".persistence..", ".connector..", ".web..", ".scheduling..", ".files.."};
        ArchRule rule = null;
        for (String from : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(from))
                    .map(a -> root + a).toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(root + from)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule.as("adapters (persistence, connector, web, scheduling, files) talk through application ports, not to each other");
    }

    static ArchRule connectorsAreIndependent(String root) {
        return com.tngtech.archunit.lang.CompositeArchRule
                .of(noClasses().that().resideInAPackage(root + ".connector.xero..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".connector.quickbooks..")
                        .allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(root + ".connector.quickbooks..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".connector.xero..")
                        .allowEmptyShould(true))
                .as("the Xero and QuickBooks connectors never import each other");
    }

    /**
     * The sandbox is a stand-in for Xero and QuickBooks built from their documents: it may lean on
     * the domain's value types, never on the code it is there to test.
     */
    static ArchRule sandboxImportsNothingButTheDomain(String root) {
        return noClasses().that().resideInAPackage(root + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".connector..", root + ".persistence..", root + ".web..", root + ".scheduling..",
                        root + ".application..", root + ".files..", root + ".cli..", root + ".platform..")
                .as("the sandbox imports no Arrears code except the domain")
                .allowEmptyShould(true);
    }

    /** Only the command-line tools (sandbox, demo, bench) start the sandbox: no production path depends on it. */
    static ArchRule nothingButTheCommandsImportTheSandbox(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".sandbox..")
                .should().dependOnClassesThat().resideInAPackage(root + ".sandbox..")
                .as("no Arrears code outside cli imports the sandbox")
                .allowEmptyShould(true);
    }

    /**
     * The commands are an entry point like web: they reach the core through application (and read
     * files through the file readers), never through another adapter's classes.
     */
    static ArchRule commandsUseNoOtherAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".persistence..", root + ".connector..", root + ".web..", root + ".scheduling..")
                .as("cli uses application, domain, files and platform, never persistence, connector, web or scheduling")
                .allowEmptyShould(true);
    }

    /** Only the entry point (platform's ArrearsMain) dispatches to a command. */
    static ArchRule nothingButPlatformStartsACommand(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".platform..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .as("no Arrears code outside platform depends on a command")
                .allowEmptyShould(true);
    }

    /** Everything but platform gets a Clock or a LocalDate; the system clock is read in one place. */
    static ArchRule onlyPlatformReadsTheSystemClock(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".platform..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(Year.class, "now")
                .orShould().callMethod(YearMonth.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .orShould().callConstructor(java.util.Date.class)
                .as("only platform reads the system clock; everything else is handed a Clock or a date")
                .allowEmptyShould(true);
    }
}
