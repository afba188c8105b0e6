package dev.arrears.domain.testing;

import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collections facts for tests, with the fewest arguments that matter. */
public final class TestFacts {

    private TestFacts() {
    }

    public static Hold hold(String id, HoldScope scope, LocalDate setOn, LocalDate resumeOn) {
        return new Hold(id, scope, "customer query", "jo@firm.example", setOn, Optional.ofNullable(resumeOn), Optional.empty());
    }

    public static Dispute dispute(String id, String invoiceId, LocalDate raisedOn) {
        return new Dispute(id, invoiceId, "goods damaged", "jo@firm.example", raisedOn, Optional.empty());
    }

    public static Dispute resolved(Dispute dispute, LocalDate on, DisputeOutcome outcome) {
        return new Dispute(dispute.id(), dispute.invoiceId(), dispute.reason(), dispute.raisedBy(), dispute.raisedOn(),
                Optional.of(new DisputeResolution(on, outcome, "photos showed no damage", "sam@firm.example")));
    }

    public static PromiseToPay promise(String id, LocalDate madeOn, LocalDate payBy, String amountGbp) {
        return new PromiseToPay(id, "inv-1", "cust-1", madeOn, payBy,
                Optional.ofNullable(amountGbp).map(a -> Money.of(a, "GBP")), "jo@firm.example", Optional.empty());
    }

    /** A GBP plan for cust-1: pairs of (date, amount). */
    public static PaymentPlan plan(String id, List<String> invoiceIds, LocalDate agreedOn, Optional<LocalDate> endedOn,
                                   Object... dateAmountPairs) {
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < dateAmountPairs.length; i += 2) {
            instalments.add(new Instalment(i / 2 + 1, (LocalDate) dateAmountPairs[i], Money.of((String) dateAmountPairs[i + 1], "GBP")));
        }
        return new PaymentPlan(id, "cust-1", invoiceIds, agreedOn, instalments, "jo@firm.example", endedOn);
    }
}
