package dev.arrears.application.cycle;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.email.Channels;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.InvoiceAttachments;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.OutgoingEmail;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.ReminderEmails;
import dev.arrears.application.email.ReminderRecipients;
import dev.arrears.application.email.RenderedEmail;
import dev.arrears.application.email.SendOutcome;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.UndeliverableAddresses;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.policy.ReminderChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The email channel's part of dispatching a reminder: which channel the reminder goes through, and
 * for {@code email} the email itself (recipients read now, words from the templates, a
 * {@code Message-ID} derived from the action key) and its hand-over. {@link ActionAttempt} calls
 * it in two steps so that the action is marked as writing between them, before anything reaches
 * an SMTP server.
 */
public final class EmailReminders {

    /** For organisations and tests without the email channel: every reminder goes through the ledger. */
    public static final EmailReminders LEDGER_ONLY = new EmailReminders(null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
            InvoiceAttachments.NONE, UndeliverableAddresses.NONE);

    private final Clock clock;
    private final SenderProfileStore profiles;
    private final ReminderRecipients recipients;
    private final EffectivePolicies policies;
    private final ConnectionStore connections;
    private final EmailTemplates templates;
    private final CustomerEmailSettingsStore customers;
    private final List<LedgerAddressBook> addressBooks;
    private final List<MailTransport> transports;
    private final DunningStateStore states;
    private final List<LedgerPayLinks> payLinks;
    private final InvoiceAttachments attachments;
    private final UndeliverableAddresses undeliverable;
    private final StatementEmails statements;

    public EmailReminders(Clock clock, SenderProfileStore profiles, CustomerEmailSettingsStore customers, EffectivePolicies policies,
                          ConnectionStore connections, DunningStateStore states, EmailTemplates templates,
                          List<LedgerAddressBook> addressBooks, List<LedgerPayLinks> payLinks, List<MailTransport> transports,
                          InvoiceAttachments attachments, UndeliverableAddresses undeliverable) {
        this.clock = clock;
        this.attachments = attachments;
        this.undeliverable = undeliverable;
        this.payLinks = List.copyOf(payLinks);
        this.states = states;
        this.profiles = profiles;
        this.customers = customers;
        this.recipients = customers == null ? null : new ReminderRecipients(customers, undeliverable);
        this.policies = policies;
        this.connections = connections;
        this.templates = templates;
        this.addressBooks = List.copyOf(addressBooks);
        this.transports = List.copyOf(transports);
        this.statements = new StatementEmails(clock, profiles, customers, recipients, templates, this.addressBooks, this.transports,
                attachments, organisation -> customerId -> policy(organisation, customerId),
                organisation -> invoice -> payLink(organisation, invoice));
    }

    /** What preparing an email reminder came to. */
    sealed interface Prepared {
    }

    /** The reminder goes through the ledger's own invoice email: the ledger path carries on. */
    record ViaLedger() implements Prepared {
    }

    /**
     * Ready to hand over.
     *
     * @param invoicePdf what became of the invoice PDF, in words, for the audit event
     */
    record Ready(SenderProfile profile, MailTransport transport, OutgoingEmail email, String recipientsSource, String invoicePdf,
                 OrganisationId organisation, String customerId) implements Prepared {
    }

    /** A person has to act before it can go (no address, no sender, no template). */
    record ForPerson(String reason) implements Prepared {
    }

    /** The ledger could not be read for the addresses: tried again later. */
    record LedgerUnreadable(LedgerFailure failure) implements Prepared {
    }

    /** Whether a reminder's channel is email (for an action in doubt, which must then never be sent again). */
    boolean isEmail(Organisation organisation, OutboxEntry entry, String customerId) {
        if (profiles == null || !(entry.action() instanceof PlannedAction.SendReminder reminder)) {
            return false;
        }
        Optional<SenderProfile> profile = profiles.find(organisation.id());
        return channel(organisation, profile, reminder, customerId) == ReminderChannel.EMAIL;
    }

    /**
     * Whether a reminder may go in a statement with the customer's other reminders of this run: a
     * stage's reminder on the email channel whose template has email wording, where the statement
     * has wording too. Thank-you notes and reminders without email wording keep their own path.
     */
    boolean statementMember(Organisation organisation, OutboxEntry entry, InvoiceSnapshot invoice) {
        if (profiles == null || !(entry.action() instanceof PlannedAction.SendReminder reminder)
                || entry.action().key().followsFullPayment() || !isEmail(organisation, entry, invoice.customerId())) {
            return false;
        }
        try {
            templates.languageFor(reminder.template(), Locale.ENGLISH);
        } catch (IllegalStateException e) {
            return false;
        }
        return statements.available(Locale.ENGLISH);
    }

    /** The statement email of two or more reminders of one customer ({@link #statementMember} each). */
    Prepared prepareStatement(Organisation organisation, List<StatementEmails.Member> members) {
        return statements.prepare(organisation, members);
    }

    Prepared prepare(Organisation organisation, OutboxEntry entry, InvoiceSnapshot invoice) {
        if (profiles == null || !(entry.action() instanceof PlannedAction.SendReminder reminder)) {
            return new ViaLedger();
        }
        Optional<SenderProfile> found = profiles.find(organisation.id());
        if (channel(organisation, found, reminder, invoice.customerId()) == ReminderChannel.LEDGER) {
            return new ViaLedger();
        }
        if (found.isEmpty()) {
            return new ForPerson("stage '" + reminder.stage() + "' sends by email, but " + organisation.displayName()
                    + " has no sender profile: set one up (PUT /admin/organisations/{id}/sender) or send the reminder yourself");
        }
        SenderProfile profile = found.get();
        Optional<MailTransport> transport = transports.stream().filter(t -> t.serves(profile)).findFirst();
        Optional<LedgerAddressBook> book = addressBooks.stream().filter(b -> b.provider() == organisation.provider()).findFirst();
        if (transport.isEmpty() || book.isEmpty()) {
            return new ForPerson("no way to send email for " + organisation.displayName() + " in this installation");
        }
        ReminderRecipients.Resolution resolution = recipients.resolve(organisation.id(), invoice, profile, book.get());
        return switch (resolution) {
            case ReminderRecipients.NoAddress none -> new ForPerson(none.reason());
            case ReminderRecipients.Failed failed -> new LedgerUnreadable(failed.failure());
            case ReminderRecipients.Resolved resolved -> compose(organisation, entry.action().key(), reminder, invoice, profile,
                    transport.get(), resolved);
        };
    }

    private Prepared compose(Organisation organisation, ActionKey key, PlannedAction.SendReminder reminder, InvoiceSnapshot invoice,
                             SenderProfile profile, MailTransport transport, ReminderRecipients.Resolved resolved) {
        Locale wanted = customers.find(organisation.id(), invoice.customerId()).language().orElse(profile.language());
        Mailbox from;
        boolean attachPdf;
        try {
            Policy policy = policy(organisation, invoice.customerId());
            from = profile.senderFor(policy, reminder.stage());
            attachPdf = policy.options().attachInvoicePdf();
        } catch (RuntimeException e) {
            from = profile.from();
            attachPdf = PolicyOptions.DEFAULTS.attachInvoicePdf();
        }
        // Fetched before the action is marked as writing: whatever becomes of it, the email goes once.
        InvoiceAttachments.Outcome pdf = attachments.forInvoice(organisation.id(), organisation.provider(), invoice, attachPdf);
        Mailbox contact = profile.replyTo().orElse(from);
        RenderedEmail rendered;
        try {
            Locale language = templates.languageFor(reminder.template(), wanted);
            LocalDate today = OrganisationDay.today(clock.instant(), organisation.timeZone());
            ReminderEmails words = new ReminderEmails(language, organisation.country());
            List<ReminderEmail.Fee> fees = words.fees(states.load(InvoiceRef.of(invoice))
                    .map(s -> s.state().fees()).orElse(List.of()));
            ReminderEmail model = words.model(organisation.displayName(), reminder.stage(), reminder.template(), List.of(invoice), today, fees, payLink(organisation, invoice),
                    new ReminderEmail.Contact(contact.name().orElse(organisation.displayName()), contact.address()));
            rendered = templates.render(reminder.template(), language,
                    pdf.attachment().map(a -> model.withAttachment(a.fileName())).orElse(model));
        } catch (IllegalStateException e) {
            return new ForPerson("the email of reminder '" + reminder.template() + "' cannot be written: " + e.getMessage());
        }
        OutgoingEmail email = new OutgoingEmail(messageId(key, from), from, profile.replyTo(), resolved.recipients().to(),
                resolved.recipients().cc(), resolved.recipients().bcc(), rendered.subject(), rendered.text(), rendered.html(),
                pdf.attachment().stream().toList());
        return new Ready(profile, transport, email, resolved.source(), pdf.note(), organisation.id(), invoice.customerId());
    }

    /** The ledger's pay-now link, or "" (the template words the "no link" case). */
    String payLink(Organisation organisation, InvoiceSnapshot invoice) {
        return payLinks.stream().filter(p -> p.provider() == organisation.provider()).findFirst().flatMap(p -> {
            try {
                return p.payLink(organisation.id(), invoice);
            } catch (RuntimeException e) {
                return Optional.empty();   // a link is a courtesy: the reminder goes without one
            }
        }).orElse("");
    }

    SendOutcome send(Ready ready) {
        SendOutcome outcome;
        try {
            outcome = ready.transport().send(ready.profile(), ready.email());
        } catch (RuntimeException e) {
            // A transport must not throw; if one does, the message may have left.
            return new SendOutcome.InDoubt("the email transport failed unexpectedly: " + e);
        }
        if (outcome instanceof SendOutcome.Undeliverable refused) {
            // Remembered before the outcome is settled: no later reminder tries these addresses again.
            undeliverable.remember(ready.organisation(), ready.customerId(), refused.addresses(), refused.reason(), clock.instant());
        }
        return outcome;
    }

    private ReminderChannel channel(Organisation organisation, Optional<SenderProfile> profile, PlannedAction.SendReminder reminder,
                                    String customerId) {
        Policy policy;
        try {
            policy = policy(organisation, customerId);
        } catch (RuntimeException e) {
            // The policy cannot be resolved now (the decide step reports why): the organisation's channel decides,
            // rather than an exception leaving the action claimed.
            return Channels.ofOrganisation(profile);
        }
        return Channels.forStage(profile, policy, reminder.stage());
    }

    Policy policy(Organisation organisation, String customerId) {
        LedgerProvider provider = organisation.provider();
        String tenant = connections.find(organisation.id()).map(LedgerConnection::tenantId).orElse("");
        return policies.inForce().resolve(new OrganisationKey(organisation.id(), provider, tenant), organisation.policyId(), customerId,
                Optional.empty()).policy();
    }

    /**
     * {@code arrears.<first 32 hex of SHA-256 over the action key>@<the sender's domain>}: the same
     * reminder always has the same id, and the id gives nothing of the customer away.
     */
    static String messageId(ActionKey key, Mailbox from) {
        return messageId(key.value(), from);
    }

    private static String messageId(String seed, Mailbox from) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String domain = from.address().substring(from.address().indexOf('@') + 1).toLowerCase(Locale.ROOT);
            return "arrears." + HexFormat.of().formatHex(hash).substring(0, 32) + "@" + domain;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A statement's id: the same as {@link #messageId(ActionKey, Mailbox)} over the sorted member keys, so the
     * same reminders always give the same id, and a statement's never equals one of its reminders' own.
     */
    static String messageId(List<ActionKey> keys, Mailbox from) {
        if (keys.size() == 1) {
            return messageId(keys.getFirst(), from);
        }
        String joined = "statement\n" + String.join("\n", keys.stream().map(ActionKey::value).sorted().toList());
        return messageId(joined, from);
    }

    /** The text of the ledger note that records what the customer received. */
    static String noteText(OutgoingEmail email, String stage) {
        Objects.requireNonNull(email, "email");
        return "Arrears: '" + stage + "' reminder emailed to " + String.join(", ", email.to().stream().map(Mailbox::address).toList())
                + " (Message-ID <" + email.messageId() + ">).\nSubject: " + email.subject() + "\n\n" + email.text();
    }
}
