package dev.arrears.application.escalation;

import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a case file is made from: one customer's invoices and everything recorded about them. The
 * promises, disputes and plans are the collections domain's own facts; the case file judges them
 * (kept, broken, missed) on {@code today}.
 *
 * @param zone    the organisation's zone, in which contact times are shown
 * @param stages  the follow-up stage each invoice reached, by invoice id (absent: "not chased")
 * @param reason  why the customer is handed to a person (the stage's flag text)
 */
public record CaseFileRequest(String organisation, ZoneId zone, LocalDate today, String reason,
                              List<InvoiceSnapshot> invoices, Map<String, String> stages, List<FeeCharged> fees,
                              List<RecordedContact> contacts, List<PromiseToPay> promises,
                              List<Dispute> disputes, List<PlanStanding> plans) {
    public CaseFileRequest {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(reason, "reason");
        invoices = List.copyOf(invoices);
        stages = Map.copyOf(stages);
        fees = List.copyOf(fees);
        contacts = List.copyOf(contacts);
        promises = List.copyOf(promises);
        disputes = List.copyOf(disputes);
        plans = List.copyOf(plans);
    }
}
