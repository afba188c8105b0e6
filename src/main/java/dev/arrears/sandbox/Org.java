package dev.arrears.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * One Xero organisation (tenant) or QuickBooks company (realm) with its customers, invoices,
 * payments, notes and sent emails. Every read and write happens under {@code synchronized (org)}.
 * Payments scheduled by the customers' behaviours are applied lazily: {@link #settle(long)}
 * runs at the start of every request and applies whatever should have happened by then, stamping
 * each change with the instant it was due, so If-Modified-Since and CDC see them in order.
 */
final class Org {

    final Provider provider;
    /** Xero tenantId (a UUID) or QuickBooks realmId (digits). */
    final String id;
    final String name;
    final String shortCode;
    final Country country;
    final long createdMillis;
    final List<Customer> customers = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<Email> emails = new ArrayList<>();
    private final Map<Object, Invoice> invoicesByKey = new HashMap<>();
    private final Map<Object, Customer> customersByKey = new HashMap<>();
    private final PriorityQueue<Scheduled> schedule = new PriorityQueue<>();
    private final Random ids;
    int nextSeq = 1;
    int nextQboId = 1;
    int emailDailyCap = 1000;
    boolean invoiceRemindersEnabled;
    /** Xero Organisation.Class: DEMO orgs may send no email, TRIAL ones 20 a day. */
    String orgClass = "PREMIUM";
    /** QuickBooks items (the sandbox seeds "Services"; callers may add more, e.g. a late-fee item). */
    final List<Item> items = new ArrayList<>();

    /** A QuickBooks Item. */
    record Item(int id, String name, String type, String description, String incomeAccountId, java.math.BigDecimal unitPrice,
            long createdMillis) {
    }

    Org(Provider provider, String id, String name, String shortCode, Country country, long createdMillis, long idSeed) {
        this.provider = provider;
        this.id = id;
        this.name = name;
        this.shortCode = shortCode;
        this.country = country;
        this.createdMillis = createdMillis;
        this.ids = new Random(idSeed);
    }

    ZoneId zone() {
        return country.zone();
    }

    LocalDate today(long nowMillis) {
        return Instant.ofEpochMilli(nowMillis).atZone(zone()).toLocalDate();
    }

    UUID newUuid() {
        return uuid(ids);
    }

    static UUID uuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    int newQboId() {
        return nextQboId++;
    }

    // ---- customers and invoices -------------------------------------------------------------

    void addCustomer(Customer c) {
        customers.add(c);
        customersByKey.put(c.contactId != null ? c.contactId : (Object) c.qboId, c);
    }

    Customer customer(String id) {
        return customersByKey.get(key(id));
    }

    void addInvoice(Invoice inv) {
        invoices.add(inv);
        invoicesByKey.put(inv.uuid != null ? inv.uuid : (Object) inv.qboId, inv);
    }

    /** The invoice with this id, if it exists and has been issued by {@code nowMillis}. */
    Invoice invoice(String id, long nowMillis) {
        Invoice inv = invoicesByKey.get(key(id));
        return inv != null && inv.createdMillis <= nowMillis ? inv : null;
    }

    private Object key(String id) {
        if (id == null) {
            return null;
        }
        if (provider == Provider.XERO) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return id;
            }
        }
        try {
            return Integer.valueOf(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    String number(Invoice inv) {
        if (inv.customNumber != null) {
            return inv.customNumber;
        }
        return provider == Provider.XERO ? String.format("INV-%04d", inv.seq) : Integer.toString(1000 + inv.seq);
    }

    Invoice invoiceByNumber(String number, long nowMillis) {
        for (Invoice inv : invoices) {
            if (inv.createdMillis <= nowMillis && number(inv).equalsIgnoreCase(number)) {
                return inv;
            }
        }
        return null;
    }

    String description(Invoice inv) {
        if (inv.lines != null && !inv.lines.isEmpty()) {
            return inv.lines.get(0).description();
        }
        return country.descriptions().get(inv.descIndex % country.descriptions().size());
    }

    // ---- payments over simulated time --------------------------------------------------------

    record Scheduled(long atMillis, Invoice invoice, long amountMinor) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(atMillis, o.atMillis);
            return c != 0 ? c : Integer.compare(invoice.index, o.invoice.index);
        }
    }

    void schedulePayment(long atMillis, Invoice invoice, long amountMinor) {
        schedule.add(new Scheduled(atMillis, invoice, amountMinor));
    }

    int pendingPayments() {
        return schedule.size();
    }

    /** Applies every scheduled payment due by {@code nowMillis}, each at the instant it was due. */
    void settle(long nowMillis) {
        Scheduled next;
        while ((next = schedule.peek()) != null && next.atMillis() <= nowMillis) {
            schedule.poll();
            Invoice inv = next.invoice();
            long amount = Math.min(next.amountMinor(), inv.dueMinor());
            if (inv.status == Invoice.AUTHORISED && amount > 0) {
                applyPayment(inv, amount, next.atMillis(), "Bank transfer");
            }
        }
    }

    /** Records a payment of {@code amountMinor} on an AUTHORISED invoice, at {@code atMillis}. */
    Payment applyPayment(Invoice inv, long amountMinor, long atMillis, String reference) {
        int day = (int) Instant.ofEpochMilli(atMillis).atZone(zone()).toLocalDate().toEpochDay();
        Payment p = new Payment(payments.size(), provider == Provider.XERO ? newUuid() : null,
                provider == Provider.QUICKBOOKS ? newQboId() : 0, inv, amountMinor, day, atMillis, reference);
        payments.add(p);
        inv.paidMinor += amountMinor;
        inv.addPayment(p.index);
        inv.updatedMillis = Math.max(inv.updatedMillis, atMillis);
        inv.syncToken++;
        if (inv.dueMinor() <= 0) {
            inv.status = Invoice.PAID;
            inv.fullyPaidDay = day;
        }
        return p;
    }

    long emailsSentOn(LocalDate orgDay) {
        return emails.stream().filter(e -> e.orgDay().equals(orgDay)).count();
    }

    Customer customerByName(String name) {
        for (Customer c : customers) {
            if (c.name.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    UUID uuidFor(Invoice inv) {
        return inv.uuid;
    }
}
