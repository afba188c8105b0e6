package dev.arrears.domain.statutory;

import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Statutory interest for one period of one invoice.
 *
 * @param amount       the sum of the segments, rounded once, half-up, to the currency's minor units
 * @param unrounded    that sum before rounding
 * @param segments     the period split where rate, principal or year length changes
 * @param partPayments payments made after the due date and before the period's last day, in date order
 * @param computation  the whole computation in words, for the fee line and the audit trail
 */
public record StatutoryInterest(Money amount, BigDecimal unrounded, InterestPeriod period,
                                List<InterestSegment> segments, List<PartPayment> partPayments, String computation) {

    public StatutoryInterest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unrounded, "unrounded");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(computation, "computation");
        segments = List.copyOf(segments);
        partPayments = List.copyOf(partPayments);
    }
}
