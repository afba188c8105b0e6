package dev.arrears.sandbox;

import java.util.UUID;

/** A customer payment applied to one invoice (Xero ACCRECPAYMENT, QuickBooks Payment with one line). */
final class Payment {
    final int index;
    final UUID uuid;
    final int qboId;
    final Invoice invoice;
    final long amountMinor;
    final int day;
    final long createdMillis;
    final long updatedMillis;
    final String reference;

    Payment(int index, UUID uuid, int qboId, Invoice invoice, long amountMinor, int day, long createdMillis, String reference) {
        this.index = index;
        this.uuid = uuid;
        this.qboId = qboId;
        this.invoice = invoice;
        this.amountMinor = amountMinor;
        this.day = day;
        this.createdMillis = createdMillis;
        this.updatedMillis = createdMillis;
        this.reference = reference;
    }

    String id() {
        return uuid != null ? uuid.toString() : Integer.toString(qboId);
    }
}
