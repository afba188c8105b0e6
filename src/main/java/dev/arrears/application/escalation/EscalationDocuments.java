package dev.arrears.application.escalation;

import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Use case: the escalation documents of one customer. The final notice's demand letter (one per
 * currency, because a sum across currencies means nothing to the reader) and the hand-off's case
 * file. Pure apart from the renderer: the same inputs always give the same documents.
 */
public final class EscalationDocuments {

    private final DocumentRenderer renderer;

    public EscalationDocuments(DocumentRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** One letter per currency in which something is owed, ordered by currency code. */
    public List<RenderedDemandLetter> demandLetters(DemandLetterRequest request) {
        List<InvoiceSnapshot> owed = request.invoices().stream()
                .filter(invoice -> !invoice.isSettled() && invoice.dueDate().isPresent())
                .toList();
        Party customer = customerOf(owed.isEmpty() ? request.invoices() : owed);
        Map<Currency, List<InvoiceSnapshot>> byCurrency = owed.stream().collect(Collectors.groupingBy(
                InvoiceSnapshot::currency, () -> new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode)), Collectors.toList()));
        List<RenderedDemandLetter> letters = new ArrayList<>();
        byCurrency.forEach((currency, invoices) -> {
            DemandLetter letter = letter(request, customer, currency, invoices);
            letters.add(new RenderedDemandLetter(letter, renderer.demandLetter(letter)));
        });
        return letters;
    }

    private static DemandLetter letter(DemandLetterRequest request, Party customer, Currency currency, List<InvoiceSnapshot> invoices) {
        List<OwedInvoice> lines = invoices.stream()
                .sorted(Comparator.comparing((InvoiceSnapshot i) -> i.dueDate().orElseThrow()).thenComparing(InvoiceSnapshot::number))
                .map(i -> new OwedInvoice(i.invoiceId(), i.number(), i.issueDate(), i.dueDate().orElseThrow(), i.total(),
                        i.amountDue(), Math.max(0, ChronoUnit.DAYS.between(i.dueDate().orElseThrow(), request.today()))))
                .toList();
        List<FeeLine> fees = feeLines(request.fees(), invoices);
        Money principal = sum(lines.stream().map(OwedInvoice::amountDue).toList(), currency);
        Money feesTotal = sum(fees.stream().map(FeeLine::amount).toList(), currency);
        return new DemandLetter(request.organisation(), customer, request.today(), lines, fees, principal, feesTotal,
                principal.plus(feesTotal), request.today().plusDays(request.daysToPay()), request.nextSteps());
    }

    /** The hand-off: a case file of everything known about the customer's debt, as JSON and as text. */
    public HandOff handOff(CaseFileRequest request) {
        CaseFile file = caseFile(request);
        return new HandOff(file.customer().id(), request.reason(), file, renderer.caseFileJson(file), renderer.caseFileText(file));
    }

    public CaseFile caseFile(CaseFileRequest request) {
        List<InvoiceSnapshot> invoices = request.invoices().stream()
                .sorted(Comparator.comparing(InvoiceSnapshot::issueDate).thenComparing(InvoiceSnapshot::number))
                .toList();
        Party customer = customerOf(invoices);
        Map<String, String> numbers = invoices.stream().collect(Collectors.toMap(InvoiceSnapshot::invoiceId, InvoiceSnapshot::number));
        List<CaseInvoice> lines = invoices.stream()
                .map(i -> new CaseInvoice(i.invoiceId(), i.number(), i.issueDate(), i.dueDate(), i.total(), i.amountDue(),
                        request.stages().getOrDefault(i.invoiceId(), "not chased")))
                .toList();
        List<FeeLine> fees = feeLines(request.fees(), invoices);
        List<ContactAttempt> contacts = request.contacts().stream()
                .filter(c -> c.record().customerId().equals(customer.id()))
                .sorted(Comparator.comparing((RecordedContact c) -> c.record().at()))
                .map(c -> new ContactAttempt(c.record().at().atZone(request.zone()).toOffsetDateTime(), c.record().channel(),
                        c.record().origin(), c.invoiceIds().stream().map(id -> numbers.getOrDefault(id, id)).toList(),
                        c.summary(), c.recipient(), c.record().actionKey().map(Object::toString)))
                .toList();
        return new CaseFile(request.organisation(), customer, request.today(), request.reason(), lines,
                totals(invoices, fees), fees, contacts,
                CollectionsHistory.promises(request.promises(), invoices, request.today()),
                CollectionsHistory.disputes(request.disputes(), invoices),
                CollectionsHistory.plans(request.plans(), invoices, customer.id(), request.today()));
    }

    private static List<CurrencyTotal> totals(List<InvoiceSnapshot> invoices, List<FeeLine> fees) {
        Set<Currency> currencies = new java.util.TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        invoices.stream().filter(i -> !i.isSettled()).forEach(i -> currencies.add(i.currency()));
        fees.forEach(f -> currencies.add(f.amount().currency()));
        return currencies.stream().map(currency -> {
            Money principal = sum(invoices.stream().filter(i -> !i.isSettled() && i.currency().equals(currency))
                    .map(InvoiceSnapshot::amountDue).toList(), currency);
            Money charged = sum(fees.stream().map(FeeLine::amount).filter(m -> m.currency().equals(currency)).toList(), currency);
            return new CurrencyTotal(currency, principal, charged, principal.plus(charged));
        }).toList();
    }

    /**
     * The fees charged on these invoices, by charge date and invoice (the sort is stable, so fees of
     * one day keep the order they were charged in); fees of other invoices are not this document's business. */
    private static List<FeeLine> feeLines(List<FeeCharged> fees, List<InvoiceSnapshot> invoices) {
        Map<String, InvoiceSnapshot> byId = invoices.stream().collect(Collectors.toMap(InvoiceSnapshot::invoiceId, Function.identity()));
        return fees.stream()
                .filter(f -> byId.containsKey(f.invoiceId()))
                .sorted(Comparator.comparing((FeeCharged f) -> f.fee().chargeDate())
                        .thenComparing(f -> byId.get(f.invoiceId()).number()))
                .map(f -> line(byId.get(f.invoiceId()).number(), f.fee()))
                .toList();
    }

    private static FeeLine line(String invoiceNumber, FeeApplication fee) {
        String description = "late fee '" + fee.ruleId() + "'" + (fee.period() > 1 ? ", charge " + fee.period() : "")
                + (fee.capped() ? " (reduced by a cap)" : "");
        return new FeeLine(invoiceNumber, fee.ruleId(), fee.period(), description, fee.chargeDate(), fee.amount(), fee.computation());
    }

    private static Party customerOf(List<InvoiceSnapshot> invoices) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one invoice of the customer");
        }
        Set<String> customers = invoices.stream().map(InvoiceSnapshot::customerId).collect(Collectors.toSet());
        Set<String> organisations = invoices.stream().map(InvoiceSnapshot::organisationId).collect(Collectors.toSet());
        if (customers.size() != 1 || organisations.size() != 1) {
            throw new IllegalArgumentException("a document is about one customer of one organisation; got customers "
                    + new java.util.TreeSet<>(customers) + " in organisations " + new java.util.TreeSet<>(organisations));
        }
        InvoiceSnapshot first = invoices.getFirst();
        return new Party(first.customerId(), Optional.ofNullable(first.customerName()).orElse(first.customerId()));
    }

    private static Money sum(List<Money> amounts, Currency currency) {
        return amounts.stream().reduce(Money.zero(currency), Money::plus);
    }
}
