package dev.arrears.sandbox;

import java.util.List;
import java.util.UUID;

/**
 * One sales invoice, kept compact (the benchmark holds half a million): amounts in minor units,
 * dates as epoch days, no JSON kept. Both providers' JSON is rendered from it on the fly.
 * Guarded by its organisation's lock.
 */
final class Invoice {
    static final byte DRAFT = 0;
    static final byte SUBMITTED = 1;
    static final byte AUTHORISED = 2;
    static final byte PAID = 3;
    static final byte VOIDED = 4;
    static final byte DELETED = 5;
    static final String[] STATUS_NAMES = {"DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED"};

    final int index;
    /** Xero InvoiceID; null on QuickBooks. */
    final UUID uuid;
    /** QuickBooks Invoice.Id; 0 on Xero. */
    final int qboId;
    final int seq;
    /** Number given by the API caller; null when generated from {@link #seq}. */
    String customNumber;
    final Customer customer;
    final int issueDay;
    int dueDay;
    final long subTotalMinor;
    final long taxMinor;
    final long totalMinor;
    long paidMinor;
    final long createdMillis;
    long updatedMillis;
    int syncToken;
    byte status;
    /** Index into the organisation's line descriptions for seeded invoices. */
    final byte descIndex;
    String reference;
    String privateNote;
    String customerMemo;
    String billEmail;
    String currency;
    boolean sentToContact;
    boolean createdByApp;
    boolean emailed;
    long deliveryMillis;
    int fullyPaidDay = Integer.MIN_VALUE;
    /** Lines given by the API caller; null for seeded invoices, which have one line. */
    List<Line> lines;
    /** Indexes of the payments applied, into the organisation's payment list; null when none. */
    int[] paymentIdx;

    Invoice(int index, UUID uuid, int qboId, int seq, Customer customer, int issueDay, int dueDay,
            long subTotalMinor, long taxMinor, long createdMillis, byte status, byte descIndex) {
        this.index = index;
        this.uuid = uuid;
        this.qboId = qboId;
        this.seq = seq;
        this.customer = customer;
        this.issueDay = issueDay;
        this.dueDay = dueDay;
        this.subTotalMinor = subTotalMinor;
        this.taxMinor = taxMinor;
        this.totalMinor = subTotalMinor + taxMinor;
        this.createdMillis = createdMillis;
        this.updatedMillis = createdMillis;
        this.status = status;
        this.descIndex = descIndex;
    }

    String id() {
        return uuid != null ? uuid.toString() : Integer.toString(qboId);
    }

    long dueMinor() {
        return status == VOIDED || status == DELETED ? 0 : totalMinor - paidMinor;
    }

    boolean open() {
        return status == AUTHORISED && dueMinor() > 0;
    }

    void addPayment(int paymentIndex) {
        if (paymentIdx == null) {
            paymentIdx = new int[] {paymentIndex};
        } else {
            int[] grown = java.util.Arrays.copyOf(paymentIdx, paymentIdx.length + 1);
            grown[paymentIdx.length] = paymentIndex;
            paymentIdx = grown;
        }
    }

    /** A line of an invoice created through the API. */
    record Line(String description, java.math.BigDecimal quantity, long unitMinor, long amountMinor, long taxMinor,
            String itemCode, String accountCode, String taxType) {
    }
}
