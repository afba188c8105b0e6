package dev.arrears.web.admin.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON bodies of the collections admin endpoints. Dates are the organisation's days, YYYY-MM-DD. */
final class CollectionsRequests {

    private CollectionsRequests() {
    }

    /** scope: organisation, customer (with customerId) or invoice (with invoiceId). */
    record NewHold(String scope, String customerId, String invoiceId, String reason, LocalDate resumeOn, String setBy) {
    }

    record NewDispute(String reason, String raisedBy) {
    }

    /** outcome: upheld, rejected, partly_upheld, withdrawn. */
    record Resolution(String outcome, String note, String resolvedBy) {
    }

    /** amount and currency together, or neither (a promise to pay in full). */
    record NewPromise(String customerId, LocalDate payBy, BigDecimal amount, String currency, String recordedBy) {
    }

    record NewInstalment(LocalDate dueOn, BigDecimal amount) {
    }

    record NewPlan(List<String> invoiceIds, String currency, List<NewInstalment> instalments, String agreedBy) {
    }

    record EndPlan(String reason, String endedBy) {
    }

    /** channel: email, phone, letter, in_person, other; at defaults to now. */
    record NewContact(String channel, Instant at, String invoiceId, String note, String recordedBy) {
    }

    record Limitation(int years, int warnDaysBefore, String setBy) {
    }
}
