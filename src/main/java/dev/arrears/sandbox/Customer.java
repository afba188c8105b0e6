package dev.arrears.sandbox;

import java.util.UUID;

/** A simulated customer of one organisation: a Xero contact or a QuickBooks customer. */
final class Customer {
    final int index;
    /** Xero ContactID; null on QuickBooks. */
    final UUID contactId;
    /** QuickBooks Customer.Id; 0 on Xero. */
    final int qboId;
    final String name;
    final String firstName;
    final String lastName;
    final String email;
    final Behaviour behaviour;
    final int lateDays;
    final int termDays;
    final long createdMillis;

    Customer(int index, UUID contactId, int qboId, String name, String firstName, String lastName, String email,
            Behaviour behaviour, int lateDays, int termDays, long createdMillis) {
        this.index = index;
        this.contactId = contactId;
        this.qboId = qboId;
        this.name = name;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.behaviour = behaviour;
        this.lateDays = lateDays;
        this.termDays = termDays;
        this.createdMillis = createdMillis;
    }

    String id() {
        return contactId != null ? contactId.toString() : Integer.toString(qboId);
    }
}
