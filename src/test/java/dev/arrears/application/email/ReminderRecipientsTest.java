package dev.arrears.application.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.ReminderChannel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReminderRecipientsTest {

    private static final OrganisationId ORG = new OrganisationId(UUID.fromString("6f1c7c1e-0000-4000-8000-000000000001"));
    private static final SenderProfile PROFILE = new SenderProfile(ReminderChannel.EMAIL, Mailbox.of("accounts@acme.example"),
            Optional.empty(), List.of(Mailbox.of("ledger@acme.example")), List.of(), Optional.empty(), Optional.empty(), Locale.ENGLISH);

    private final Settings settings = new Settings();
    private final Map<String, String> refused = new HashMap<>();
    private final ReminderRecipients recipients = new ReminderRecipients(settings, new UndeliverableAddresses() {
        @Override
        public void remember(OrganisationId organisation, String customerId, List<String> addresses, String reason,
                             java.time.Instant at) {
            addresses.forEach(a -> refused.put(a.toLowerCase(Locale.ROOT), reason));
        }

        @Override
        public Map<String, String> of(OrganisationId organisation, String customerId) {
            return Map.copyOf(refused);
        }

        @Override
        public void forget(OrganisationId organisation, String customerId) {
            refused.clear();
        }
    });

    @Test
    void an_address_a_server_refused_is_left_out_and_with_none_left_a_person_is_asked() {
        refused.put("gone@customer.example", "550 5.1.1 user unknown");
        var reading = ledger(new AddressReading.Found(Recipients.fromLedger(List.of("Gone@Customer.example", "ap@customer.example"),
                List.of("gone@customer.example"), List.of())));

        assertThat(recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, reading))
                .isInstanceOfSatisfying(ReminderRecipients.Resolved.class, r -> {
                    assertThat(r.recipients().to()).containsExactly(Mailbox.of("ap@customer.example"));
                    assertThat(r.recipients().cc()).containsExactly(Mailbox.of("ledger@acme.example"));
                });

        refused.put("ap@customer.example", "550 5.1.1 user unknown");
        assertThat(recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, reading))
                .isInstanceOfSatisfying(ReminderRecipients.NoAddress.class, r -> assertThat(r.reason())
                        .startsWith("undeliverable address Gone@Customer.example, ap@customer.example for Acme Ltd (550 5.1.1 user unknown)"));
    }

    @Test
    void the_ledgers_addresses_go_with_the_profiles_copies() {
        var resolved = recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, ledger(new AddressReading.Found(
                Recipients.fromLedger(List.of("ap@customer.example"), List.of(), List.of()))));

        assertThat(resolved).isEqualTo(new ReminderRecipients.Resolved(new Recipients(List.of(Mailbox.of("ap@customer.example")),
                List.of(Mailbox.of("ledger@acme.example")), List.of(), List.of()), "ledger"));
    }

    @Test
    void the_accountants_override_wins_and_the_ledger_is_not_asked() {
        settings.put("C-1", new CustomerEmailSetting(Optional.of(List.of(Mailbox.of("boss@customer.example"))), List.of(),
                List.of(), Optional.empty()));
        var resolved = recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, ledger(null));

        assertThat(resolved).isInstanceOfSatisfying(ReminderRecipients.Resolved.class, r -> {
            assertThat(r.recipients().to()).containsExactly(Mailbox.of("boss@customer.example"));
            assertThat(r.source()).isEqualTo("accountant");
        });
    }

    @Test
    void a_customer_without_an_address_is_a_task_for_a_person_that_names_the_customer() {
        var resolved = recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, ledger(new AddressReading.Found(
                Recipients.fromLedger(List.of("accounts at acme"), List.of(), List.of()))));

        assertThat(resolved).isInstanceOfSatisfying(ReminderRecipients.NoAddress.class, r -> assertThat(r.reason())
                .startsWith("no email address for Acme Ltd").contains("'accounts at acme', which is not an email address"));
    }

    @Test
    void a_ledger_that_cannot_be_read_is_a_failure_to_retry_not_a_missing_address() {
        LedgerFailure later = new LedgerFailure.RetryLater("503", Optional.empty());
        assertThat(recipients.resolve(ORG, invoice("Acme Ltd"), PROFILE, ledger(new AddressReading.Failed(later))))
                .isEqualTo(new ReminderRecipients.Failed(later));
    }

    @Test
    void an_address_given_twice_is_sent_to_once() {
        Recipients found = Recipients.fromLedger(List.of("AP@customer.example", "ap@customer.example"),
                List.of("ap@customer.example; owner@customer.example"), List.of());
        assertThat(found.to()).containsExactly(Mailbox.of("AP@customer.example"));
        assertThat(found.cc()).containsExactly(Mailbox.of("owner@customer.example"));
    }

    private static InvoiceSnapshot invoice(String customer) {
        return new InvoiceSnapshot(ORG.toString(), "I-1", "INV-1", "C-1", customer, LocalDate.of(2025, 1, 15),
                Optional.of(LocalDate.of(2025, 2, 14)), Money.of("100.00", "GBP"), Money.of("100.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
    }

    /** A ledger that answers {@code reading}; null = must not be asked. */
    private static LedgerAddressBook ledger(AddressReading reading) {
        return new LedgerAddressBook() {
            @Override
            public LedgerProvider provider() {
                return LedgerProvider.XERO;
            }

            @Override
            public AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice) {
                if (reading == null) {
                    throw new AssertionError("the ledger was asked although the accountant set the addresses");
                }
                return reading;
            }
        };
    }

    private static final class Settings implements CustomerEmailSettingsStore {
        private final Map<String, CustomerEmailSetting> byCustomer = new HashMap<>();

        void put(String customer, CustomerEmailSetting setting) {
            byCustomer.put(customer, setting);
        }

        @Override
        public CustomerEmailSetting find(OrganisationId organisation, String customerId) {
            return byCustomer.getOrDefault(customerId, CustomerEmailSetting.NONE);
        }

        @Override
        public void save(OrganisationId organisation, String customerId, CustomerEmailSetting setting) {
            byCustomer.put(customerId, setting);
        }

        @Override
        public boolean remove(OrganisationId organisation, String customerId) {
            return byCustomer.remove(customerId) != null;
        }
    }
}
