package dev.arrears.sandbox;

/** How a simulated customer pays. Decides the payments scheduled for each of its invoices. */
public enum Behaviour {
    /** Pays in full a few days before the due date. */
    PAYS_EARLY,
    /** Pays in full within a day of the due date. */
    PAYS_ON_TIME,
    /** Pays in full, {@link Customer#lateDays} days (give or take three) after the due date. */
    PAYS_LATE,
    /** Pays part of each invoice after the due date, and the rest much later or never. */
    PAYS_IN_PART,
    /** Disputes its invoices and never pays them. */
    DISPUTES,
    /** Never pays. */
    NEVER_PAYS
}
