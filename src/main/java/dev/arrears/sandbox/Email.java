package dev.arrears.sandbox;

/** An invoice email the ledger sent: Xero {@code /Email} or QuickBooks {@code /send}. */
record Email(Invoice invoice, String to, long sentMillis, java.time.LocalDate orgDay) {
}
