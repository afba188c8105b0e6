package dev.arrears.domain.statutory;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Statutory late-payment interest and fixed compensation for one regime. Pure: no clock, no I/O.
 *
 * <p>Conventions (RULES.md §3): simple interest; interest starts the day after the due date; a
 * period counts its first and last day; a payment on day P leaves the old principal bearing
 * interest through P and the new one from P+1; each segment's interest is principal x rate x days /
 * year length, unrounded; the total is rounded once, half-up, to the currency's minor units. Where
 * part payments go to interest first, the interest a payment settles is fixed in cents on its day, and
 * a period's charge is the interest so stated through its last day less that stated before its first
 * day, so charges add up to the same cents however the late period is cut into charges.
 *
 * <p>Interest first (DE, FR): the ledger books a part payment wholly against the invoice, while the
 * law lets part of it settle accrued interest. The calculator keeps the legal principal (higher than
 * the ledger's balance by the interest settled) and still reports every day's interest in the period
 * it falls in, settled or not. Ledger balance plus the interest fees then equals legal principal plus
 * unpaid interest, which is what the debtor owes. It cannot see payments made against earlier
 * interest fee invoices: if the debtor paid those separately, a later part payment is assumed to
 * settle that interest again, leaving the principal too high by that amount (a small overstatement of
 * later interest; a known limit, stated in config/statutory/README.md).
 */
public final class StatutoryInterestCalculator {

    /** Far more digits than any currency needs, so the single final rounding is the only one that matters. */
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final StatutoryRegime regime;

    public StatutoryInterestCalculator(StatutoryRegime regime) {
        this.regime = Objects.requireNonNull(regime, "regime");
    }

    public StatutoryRegime regime() {
        return regime;
    }

    /** The first day of statutory interest: the day after the due date (Act 1998 s.4(2), Directive Art. 3(3)(a)). */
    public static LocalDate interestStartsOn(InvoiceSnapshot invoice) {
        return dueDateOf(invoice).plusDays(1);
    }

    /**
     * Interest for {@code period}. Part payments before the period still count: they set the
     * principal and, where interest comes first, how much of them went to interest.
     *
     * @throws RateNotKnownException    when a needed reference rate is outside the table
     * @throws IllegalArgumentException when the invoice has no due date or the period starts before interest does
     */
    public StatutoryInterest interest(InvoiceSnapshot invoice, InterestPeriod period) {
        LocalDate dueDate = dueDateOf(invoice);
        LocalDate start = dueDate.plusDays(1);
        if (period.from().isBefore(start)) {
            throw new IllegalArgumentException("statutory interest on invoice " + invoice.number() + " starts on " + start
                    + ", the day after its due date; a period cannot begin on " + period.from());
        }
        Currency currency = invoice.currency();
        TreeMap<LocalDate, BigDecimal> payments = paymentsWhileInterestRuns(invoice, dueDate, period.through());
        Accrual accrual = new Accrual(invoice.principalOwedOn(dueDate).amount(), currency);
        List<InterestSegment> inPeriod = new ArrayList<>();
        List<PartPayment> partPayments = new ArrayList<>();

        Iterator<LocalDate> cuts = segmentStarts(start, period, payments).iterator();
        LocalDate segmentStart = cuts.next();
        BigDecimal statedBeforePeriod = BigDecimal.ZERO;
        while (cuts.hasNext()) {
            LocalDate nextStart = cuts.next();
            BigDecimal paidTheDayBefore = payments.get(segmentStart.minusDays(1));
            if (paidTheDayBefore != null) {
                partPayments.add(accrual.apply(segmentStart.minusDays(1), paidTheDayBefore, regime.partialPayments()));
            }
            if (segmentStart.equals(period.from())) {
                statedBeforePeriod = accrual.stated();
            }
            boolean inside = !segmentStart.isBefore(period.from());
            // Interest before the period only matters when payments go to interest first; skipping it
            // otherwise also spares a rate lookup the period does not need.
            if (inside || regime.partialPayments() == PaymentAllocation.INTEREST_FIRST) {
                InterestSegment segment = segment(start, segmentStart, nextStart.minusDays(1), accrual.principal(), currency);
                accrual.accrue(segment.interest());
                if (inside) {
                    inPeriod.add(segment);
                }
            }
            segmentStart = nextStart;
        }

        List<InterestSegment> segments = joinSameTerms(inPeriod);
        BigDecimal unrounded = segments.stream().map(InterestSegment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (regime.partialPayments() == PaymentAllocation.INTEREST_FIRST) {
            // Interest a part payment settled was fixed in cents on its day; a charge is what is stated through its
            // last day less what was stated before its first, so the total never depends on the charging dates.
            BigDecimal statedThrough = accrual.stated();
            Money amount = new Money(statedThrough.subtract(statedBeforePeriod), currency);
            return new StatutoryInterest(amount, unrounded, period, segments, partPayments,
                    computationText(period, segments, partPayments, unrounded, amount, statedBeforePeriod, statedThrough));
        }
        Money amount = Money.rounded(unrounded, currency, RoundingMode.HALF_UP);
        return new StatutoryInterest(amount, unrounded, period, segments, partPayments,
                computationText(segments, partPayments, unrounded, amount));
    }

    /**
     * The fixed compensation for the invoice, by the debt owed when interest starts to run (the end
     * of the due date): part payments made later do not move it to a lower band (RULES.md §6, UK
     * s.5A(1)). Whether the invoice is late yet is the caller's decision.
     *
     * @throws IllegalArgumentException when the invoice is in another currency than the regime's sum
     */
    public StatutoryCompensation fixedCompensation(InvoiceSnapshot invoice) {
        FixedCompensation compensation = regime.compensation();
        LocalDate dueDate = dueDateOf(invoice);
        if (!invoice.currency().equals(compensation.currency())) {
            throw new IllegalArgumentException(regime.title() + " sets its fixed compensation in "
                    + compensation.currency().getCurrencyCode() + "; invoice " + invoice.number() + " is in "
                    + invoice.currency().getCurrencyCode() + " and is not converted at a guessed rate");
        }
        Money debt = invoice.principalOwedOn(dueDate);
        if (!debt.isPositive()) {
            return new StatutoryCompensation(Money.zero(invoice.currency()),
                    "no fixed compensation: nothing was owed on invoice " + invoice.number() + " after its due date " + dueDate);
        }
        CompensationBand band = compensation.bandFor(debt.amount());
        Money amount = Money.of(band.amount(), compensation.currency());
        return new StatutoryCompensation(amount, "fixed compensation for a debt of " + debt + " when interest started on "
                + dueDate.plusDays(1) + " (band: " + compensation.describe(band) + "): " + amount + ", "
                + compensation.legalBasis());
    }

    private static LocalDate dueDateOf(InvoiceSnapshot invoice) {
        return invoice.dueDate().orElseThrow(() -> new IllegalArgumentException("invoice " + invoice.number()
                + " has no due date, so statutory interest has no start; it is flagged, never guessed"));
    }

    /** Payments after the due date and before the last day, summed per day: only they change the principal inside the period. */
    private static TreeMap<LocalDate, BigDecimal> paymentsWhileInterestRuns(InvoiceSnapshot invoice, LocalDate dueDate,
                                                                          LocalDate through) {
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        for (PaymentApplied payment : invoice.payments()) {
            if (payment.date().isAfter(dueDate) && payment.date().isBefore(through)) {
                byDay.merge(payment.date(), payment.amount().amount(), BigDecimal::add);
            }
        }
        return byDay;
    }

    /** Every day on which a new segment may begin, ending with the day after the period as a sentinel. */
    private TreeSet<LocalDate> segmentStarts(LocalDate start, InterestPeriod period, TreeMap<LocalDate, BigDecimal> payments) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(start);
        starts.add(period.from());
        starts.add(period.through().plusDays(1));
        starts.addAll(regime.referenceRule().changeDays(start, period.through()));
        if (regime.dayCount().splitsAtYearEnd()) {
            for (int year = start.getYear() + 1; year <= period.through().getYear(); year++) {
                starts.add(LocalDate.of(year, 1, 1));
            }
        }
        payments.keySet().forEach(day -> starts.add(day.plusDays(1)));
        return starts;
    }

    private InterestSegment segment(LocalDate interestStart, LocalDate from, LocalDate through, BigDecimal principal,
                                    Currency currency) {
        ReferenceRateRule rule = regime.referenceRule();
        RateTable table = regime.referenceRates();
        LocalDate referenceDate = rule.referenceDate(interestStart, from);
        BigDecimal reference = table.entryOn(referenceDate).ratePercent();
        BigDecimal rate = regime.marginPoints().add(reference);
        if (rate.signum() < 0) {
            throw new IllegalStateException(regime.title() + ": the rate for " + from + " would be negative (" + rate + "%)");
        }
        long days = ChronoUnit.DAYS.between(from, through) + 1;
        int yearDays = regime.dayCount().daysInYear(from);
        BigDecimal interest = principal.multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(HUNDRED.multiply(BigDecimal.valueOf(yearDays)), EXACT_ENOUGH);
        return new InterestSegment(from, through, new Money(principal, currency), referenceDate, reference,
                rule.describe(table.name(), referenceDate), regime.marginPoints(), days, yearDays, interest);
    }

    private static List<InterestSegment> joinSameTerms(List<InterestSegment> segments) {
        List<InterestSegment> joined = new ArrayList<>();
        for (InterestSegment segment : segments) {
            if (!joined.isEmpty() && joined.getLast().sameTermsAs(segment)) {
                joined.set(joined.size() - 1, joined.getLast().joinedWith(segment));
            } else {
                joined.add(segment);
            }
        }
        return joined;
    }

    private String computationText(List<InterestSegment> segments, List<PartPayment> partPayments, BigDecimal unrounded,
                                   Money amount) {
        StringBuilder text = describeTerms(segments, partPayments);
        text.append("; total ").append(shown(unrounded, amount)).append(", rounded once, half-up: ").append(amount);
        return text.toString();
    }

    /** Interest first: the charge as the difference of the interest stated through the period and before it. */
    private String computationText(InterestPeriod period, List<InterestSegment> segments, List<PartPayment> partPayments,
                                   BigDecimal unrounded, Money amount, BigDecimal statedBefore, BigDecimal statedThrough) {
        boolean fixedByPayments = partPayments.stream().anyMatch(p -> p.toInterest().isPositive());
        if (statedBefore.signum() == 0 && !fixedByPayments) {
            return computationText(segments, partPayments, unrounded, amount);
        }
        Currency currency = amount.currency();
        StringBuilder text = describeTerms(segments, partPayments);
        text.append("; total ").append(shown(unrounded, amount))
                .append("; interest settled by a part payment is fixed in cents on its day, the rest rounded once, half-up: ")
                .append(new Money(statedThrough, currency)).append(" through ").append(period.through());
        if (statedBefore.signum() != 0) {
            text.append(" less ").append(new Money(statedBefore, currency)).append(" stated before ")
                    .append(period.from());
        }
        return text.append(" = ").append(amount).toString();
    }

    private StringBuilder describeTerms(List<InterestSegment> segments, List<PartPayment> partPayments) {
        StringBuilder text = new StringBuilder(regime.title()).append(": ");
        text.append(String.join("; ", segments.stream().map(InterestSegment::describe).toList()));
        for (PartPayment payment : partPayments) {
            text.append("; ").append(payment.describe(regime.partialPaymentsBasis()));
        }
        return text;
    }

    private static String shown(BigDecimal unrounded, Money amount) {
        int shown = Money.minorUnits(amount.currency()) + 4;
        return unrounded.setScale(shown, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The running state of one invoice's late period: its principal, the interest accrued and settled so far, and
     * (interest first) the interest fixed in cents on each part payment's day.
     */
    private static final class Accrual {
        private final Currency currency;
        private BigDecimal principal;
        /** Interest fixed in cents on part payment days (interest first). */
        private BigDecimal fixed = BigDecimal.ZERO;
        /** Exact interest accrued since the last fixing. */
        private BigDecimal open = BigDecimal.ZERO;
        private BigDecimal interestSettled = BigDecimal.ZERO;

        Accrual(BigDecimal principal, Currency currency) {
            this.principal = principal;
            this.currency = currency;
        }

        BigDecimal principal() {
            return principal;
        }

        void accrue(BigDecimal interest) {
            open = open.add(interest);
        }

        /** The interest owed so far as it is stated: the fixed part plus the rest rounded once, half-up. */
        BigDecimal stated() {
            return fixed.add(open.setScale(Money.minorUnits(currency), RoundingMode.HALF_UP));
        }

        /**
         * Splits a payment. Interest first (§ 367(1) BGB): the interest accrued through the payment day is stated in
         * cents on that day and fixed (a later charge cannot round it again); what of it earlier payments did not
         * settle is paid before any principal.
         */
        PartPayment apply(LocalDate date, BigDecimal paid, PaymentAllocation allocation) {
            BigDecimal toInterest = BigDecimal.ZERO;
            if (allocation == PaymentAllocation.INTEREST_FIRST && paid.signum() > 0) {
                fixed = stated();
                open = BigDecimal.ZERO;
                BigDecimal outstanding = fixed.subtract(interestSettled).max(BigDecimal.ZERO);
                toInterest = paid.min(outstanding);
                interestSettled = interestSettled.add(toInterest);
            }
            BigDecimal toPrincipal = paid.subtract(toInterest);
            principal = principal.subtract(toPrincipal).max(BigDecimal.ZERO);
            return new PartPayment(date, new Money(paid, currency), new Money(toInterest, currency),
                    new Money(toPrincipal, currency));
        }
    }
}
