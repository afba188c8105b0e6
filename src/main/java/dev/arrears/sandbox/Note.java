package dev.arrears.sandbox;

/**
 * A note written on an invoice: a Xero history record or a QuickBooks Attachable (note only).
 * {@code qboId} is the Attachable's Id, 0 on Xero.
 */
record Note(int qboId, Invoice invoice, String text, long createdMillis) {
}
