package dev.arrears.domain.fee;

import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeCaps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How much room the caps of one rule leave on one invoice, counting the fees of that rule already
 * charged. Limits given with more decimals than the currency has are rounded down, so that
 * rounding can never take a fee over a cap.
 */
final class FeeCapLimits {

    /** What may still be charged under one cap, and the cap in words. */
    record Room(Money remaining, String cap) {
    }

    private FeeCapLimits() {
    }

    static Optional<String> countReached(FeeCaps caps, List<ChargedFee> chargedOfRule) {
        return caps.maxCount()
                .filter(max -> chargedOfRule.size() >= max)
                .map(max -> "at most " + max + (max == 1 ? " charge" : " charges") + " per invoice, "
                        + chargedOfRule.size() + " already charged");
    }

    /** The cap that leaves the least room (possibly none, or less than none); empty when uncapped by amount. */
    static Optional<Room> tightest(FeeCaps caps, InvoiceSnapshot invoice, List<ChargedFee> chargedOfRule) {
        Money alreadyCharged = chargedOfRule.stream().map(ChargedFee::amount)
                .reduce(Money.zero(invoice.currency()), Money::plus);
        List<Room> rooms = new ArrayList<>();
        BigDecimal maxTotal = caps.maxTotal().get(invoice.currency());
        if (maxTotal != null) {
            Money limit = Money.rounded(maxTotal, invoice.currency(), RoundingMode.DOWN);
            rooms.add(new Room(limit.minus(alreadyCharged),
                    "max total " + limit + " (" + alreadyCharged + " already charged)"));
        }
        caps.maxPercentOfPrincipal().ifPresent(percent -> {
            Money limit = invoice.total().times(percent.movePointLeft(2), RoundingMode.DOWN);
            rooms.add(new Room(limit.minus(alreadyCharged),
                    "max " + Percent.format(percent) + " of the invoice total " + invoice.total() + " = " + limit
                            + " (" + alreadyCharged + " already charged)"));
        });
        return rooms.stream().min(Comparator.comparing(Room::remaining));
    }
}
