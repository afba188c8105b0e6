package dev.arrears.application.cycle;

import dev.arrears.application.Organisation;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.InvoiceAttachments;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.OutgoingEmail;
import dev.arrears.application.email.Recipients;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.ReminderEmails;
import dev.arrears.application.email.ReminderRecipients;
import dev.arrears.application.email.RenderedEmail;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.policy.Stage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the statement email: one message to a customer listing every invoice of theirs whose
 * reminder goes by email in this dispatch run, worded by the firmest stage among them (template
 * {@code statement}), each invoice with its own pay-now link and PDF. What it reads from the ledger
 * (addresses, links, PDFs) it reads before anything is marked as writing, like a single reminder.
 */
final class StatementEmails {

    /** The email template every statement is worded by. */
    static final String TEMPLATE = "statement";

    /** One reminder of the statement, with its invoice as just re-read from the ledger. */
    record Member(ClaimedAction claimed, PlannedAction.SendReminder reminder, InvoiceSnapshot invoice) {
    }

    private final Clock clock;
    private final SenderProfileStore profiles;
    private final CustomerEmailSettingsStore customers;
    private final ReminderRecipients recipients;
    private final EmailTemplates templates;
    private final List<LedgerAddressBook> addressBooks;
    private final List<MailTransport> transports;
    private final InvoiceAttachments attachments;
    private final Function<Organisation, Function<String, Policy>> policies;
    private final Function<Organisation, Function<InvoiceSnapshot, String>> payLinks;

    /**
     * @param policies the policy in force for an organisation's customer
     * @param payLinks an invoice's pay-now link, or ""
     */
    StatementEmails(Clock clock, SenderProfileStore profiles, CustomerEmailSettingsStore customers, ReminderRecipients recipients,
                    EmailTemplates templates, List<LedgerAddressBook> addressBooks, List<MailTransport> transports,
                    InvoiceAttachments attachments, Function<Organisation, Function<String, Policy>> policies,
                    Function<Organisation, Function<InvoiceSnapshot, String>> payLinks) {
        this.clock = clock;
        this.profiles = profiles;
        this.customers = customers;
        this.recipients = recipients;
        this.templates = templates;
        this.addressBooks = addressBooks;
        this.transports = transports;
        this.attachments = attachments;
        this.policies = policies;
        this.payLinks = payLinks;
    }

    /** Whether the installation has statement wording at all; without it, each reminder goes as its own email. */
    boolean available(Locale language) {
        try {
            templates.languageFor(TEMPLATE, language);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** @param members two or more reminders of one customer, in the order they are listed */
    EmailReminders.Prepared prepare(Organisation organisation, List<Member> members) {
        String customerId = members.getFirst().invoice().customerId();
        Optional<SenderProfile> found = profiles.find(organisation.id());
        if (found.isEmpty()) {
            return new EmailReminders.ForPerson("the statement goes by email, but " + organisation.displayName()
                    + " has no sender profile: set one up (PUT /admin/organisations/{id}/sender) or send the reminders yourself");
        }
        SenderProfile profile = found.get();
        Optional<MailTransport> transport = transports.stream().filter(t -> t.serves(profile)).findFirst();
        Optional<LedgerAddressBook> book = addressBooks.stream().filter(b -> b.provider() == organisation.provider()).findFirst();
        if (transport.isEmpty() || book.isEmpty()) {
            return new EmailReminders.ForPerson("no way to send email for " + organisation.displayName() + " in this installation");
        }
        List<ReminderRecipients.Resolved> resolved = new ArrayList<>();
        Optional<String> noAddress = Optional.empty();
        for (Member member : members) {
            switch (recipients.resolve(organisation.id(), member.invoice(), profile, book.get())) {
                case ReminderRecipients.Resolved r -> resolved.add(r);
                case ReminderRecipients.NoAddress none -> noAddress = noAddress.or(() -> Optional.of(none.reason()));
                case ReminderRecipients.Failed failed -> {
                    return new EmailReminders.LedgerUnreadable(failed.failure());
                }
            }
        }
        if (resolved.isEmpty()) {
            return new EmailReminders.ForPerson(noAddress.orElseThrow());
        }
        Member firmest;
        Mailbox from;
        boolean attachPdf;
        try {
            Policy policy = policies.apply(organisation).apply(customerId);
            firmest = firmest(policy, members);
            from = profile.senderFor(policy, firmest.reminder().stage());
            attachPdf = policy.options().attachInvoicePdf();
        } catch (RuntimeException e) {
            firmest = members.stream().max(Comparator.comparing(m -> m.invoice().dueDate().map(d -> -d.toEpochDay()).orElse(0L)))
                    .orElseThrow();
            from = profile.from();
            attachPdf = PolicyOptions.DEFAULTS.attachInvoicePdf();
        }
        List<InvoiceAttachments.Outcome> pdfs = attachments.forStatement(organisation.id(), organisation.provider(),
                members.stream().map(Member::invoice).toList(), attachPdf);
        Mailbox contact = profile.replyTo().orElse(from);
        Locale wanted = customers.find(organisation.id(), customerId).language().orElse(profile.language());
        RenderedEmail rendered;
        try {
            Locale language = templates.languageFor(TEMPLATE, wanted);
            LocalDate today = OrganisationDay.today(clock.instant(), organisation.timeZone());
            List<ReminderEmails.Item> items = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                items.add(new ReminderEmails.Item(member.invoice(), member.reminder().stage(),
                        payLinks.apply(organisation).apply(member.invoice()),
                        pdfs.get(i).attachment().map(OutgoingEmail.Attachment::fileName).orElse("")));
            }
            ReminderEmail model = new ReminderEmails(language, organisation.country()).statement(organisation.displayName(),
                    firmest.reminder().stage(), firmest.reminder().template(), items, today,
                    new ReminderEmail.Contact(contact.name().orElse(organisation.displayName()), contact.address()));
            rendered = templates.render(TEMPLATE, language, model);
        } catch (IllegalStateException e) {
            return new EmailReminders.ForPerson("the statement email cannot be written: " + e.getMessage());
        }
        Recipients to = union(resolved.stream().map(ReminderRecipients.Resolved::recipients).toList());
        String source = String.join(", ", resolved.stream().map(ReminderRecipients.Resolved::source).distinct().toList());
        OutgoingEmail email = new OutgoingEmail(EmailReminders.messageId(members.stream().map(m -> m.reminder().key()).toList(), from),
                from, profile.replyTo(), to.to(), to.cc(), to.bcc(), rendered.subject(), rendered.text(), rendered.html(),
                pdfs.stream().flatMap(p -> p.attachment().stream()).toList());
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            notes.add(number(members.get(i).invoice()) + ": " + pdfs.get(i).note());
        }
        return new EmailReminders.Ready(profile, transport.get(), email, source, String.join("; ", notes), organisation.id(),
                customerId);
    }

    /** The member whose stage comes last in the policy; among equals, the one longest overdue. */
    static Member firmest(Policy policy, List<Member> members) {
        List<String> order = policy.stages().stream().map(Stage::name).toList();
        return members.stream().max(Comparator.comparingInt((Member m) -> order.indexOf(m.reminder().stage()))
                        .thenComparing(m -> m.invoice().dueDate().map(d -> -d.toEpochDay()).orElse(0L)))
                .orElseThrow();
    }

    /** Every invoice's recipients in one message (QuickBooks keeps addresses per invoice): each address once. */
    private static Recipients union(List<Recipients> all) {
        Map<String, Mailbox> seen = new LinkedHashMap<>();
        List<Mailbox> to = new ArrayList<>();
        List<Mailbox> cc = new ArrayList<>();
        List<Mailbox> bcc = new ArrayList<>();
        all.forEach(r -> r.to().forEach(m -> add(m, seen, to)));
        all.forEach(r -> r.cc().forEach(m -> add(m, seen, cc)));
        all.forEach(r -> r.bcc().forEach(m -> add(m, seen, bcc)));
        return new Recipients(to, cc, bcc, all.stream().flatMap(r -> r.unusable().stream()).distinct().toList());
    }

    private static void add(Mailbox box, Map<String, Mailbox> seen, List<Mailbox> into) {
        if (seen.putIfAbsent(box.normalised(), box) == null) {
            into.add(box);
        }
    }

    static String number(InvoiceSnapshot invoice) {
        return invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
    }
}
