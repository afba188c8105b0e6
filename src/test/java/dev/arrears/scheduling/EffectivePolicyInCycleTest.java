package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.PolicyVersionRecord;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.files.policy.PolicyCatalog;
import dev.arrears.files.policy.PolicyFileLoader;
import dev.arrears.files.policy.PolicyResolver;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cycle chases each invoice under its effective policy (firm default, then overrides) and keeps each version's text. */
@QuarkusTest
class EffectivePolicyInCycleTest extends CycleTestBase {

    @TempDir
    Path dir;

    @Test
    void a_customer_override_changes_that_customers_reminder_and_its_version_is_recorded_with_its_text() throws Exception {
        Files.copy(Path.of("config/policies/default.yaml"), dir.resolve("default.yaml"));
        Files.createDirectories(dir.resolve("customers"));
        Files.writeString(dir.resolve("customers/strict.yaml"), """
                applies_to: { customers: [C-STRICT] }
                stages:
                  - name: Overdue notice
                    actions: [ { reminder: firm } ]
                """);
        PolicyFileLoader loader = new PolicyFileLoader();
        PolicyResolver resolver = PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader);
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("policy-1", resolver, xero);
        OrganisationId org = fx.liveOrganisation("Overridden Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C-STRICT", TODAY.minusDays(2)));
        xero.put(invoice(org, "B", "C1", TODAY.minusDays(2)));

        replica.cycle().runDue();

        OutboxEntry strict = reminderOf(org, "A");
        OutboxEntry plain = reminderOf(org, "B");
        assertThat(((PlannedAction.SendReminder) strict.action()).template()).isEqualTo("firm");
        assertThat(((PlannedAction.SendReminder) plain.action()).template()).isEqualTo("overdue");
        assertThat(strict.policyVersion()).isNotEqualTo(plain.policyVersion());
        assertThat(xero.applied(org)).hasSize(2);

        String version = strict.policyVersion().orElseThrow();
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 20))
                .filteredOn(r -> r.event().kind() == AuditKind.DECISION)
                .allSatisfy(r -> assertThat(r.event().policyVersion()).hasValue(version));
        PolicyVersionRecord stored = fx.versions.find("default+strict", version).orElseThrow();
        assertThat(stored.sourcePath()).contains("strict.yaml");
        assertThat(stored.content()).contains("C-STRICT").contains("Hand to a person");
    }

    @Test
    void the_organisations_own_policy_id_is_used_when_it_is_loaded_and_recorded_when_first_used() {
        OrganisationId org = fx.liveOrganisation("Default Ltd", LedgerProvider.XERO);
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("policy-2", xero);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));

        replica.cycle().runDue();

        String version = reminderOf(org, "A").policyVersion().orElseThrow();
        assertThat(fx.versions.find("default", version)).hasValueSatisfying(v -> assertThat(v.content()).contains("id: default"));
    }

    private OutboxEntry reminderOf(OrganisationId org, String invoiceId) {
        return fx.outbox(org).stream().filter(e -> e.invoice().providerInvoiceId().equals(invoiceId))
                .filter(e -> e.action() instanceof PlannedAction.SendReminder).findFirst().orElseThrow();
    }
}
