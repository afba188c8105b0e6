package dev.arrears.domain.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * Finds the earliest moment a contact with a customer may happen under an organisation's rules.
 *
 * <p>The search moves a candidate forward, starting at the proposed moment. Each rule, when broken,
 * names the earliest moment at which it could hold again given the candidate (the next opening of
 * the window that is not a holiday; the end of the gap after the contact that is too close; the
 * moment the earliest contact of a full 7-day period leaves it). None of these jumps passes over a
 * moment that satisfies the rule, so the first candidate that satisfies all of them is the earliest
 * allowed moment. Pure and deterministic: the same arguments always give the same slot.
 */
public final class ContactScheduler {

    /** How far ahead the search may go before giving up with {@link NoSendSlotException}. */
    public static final Duration HORIZON = Duration.ofDays(2 * 366);

    /** A bound on rounds of the search; each round moves the candidate strictly forward. */
    private static final int MAX_ROUNDS = 100_000;

    private record Jump(Instant to, List<Deferral> because) {
    }

    /**
     * The earliest moment at or after {@code proposed} that is inside the window, on a date (in the
     * window's zone) that is not a holiday, at least the minimum gap away from every recorded contact
     * with this customer (before or after it: the gap is between any two contacts), and such that no
     * rolling 7 days holding it holds more than the cap of contacts with this customer.
     *
     * @param history contacts of the organisation, manual and automatic, any order; other customers' are ignored
     * @throws NoSendSlotException when nothing within {@link #HORIZON} satisfies the rules
     */
    public SendSlot earliestAllowed(String customerId, Instant proposed, List<ContactRecord> history,
                                    ContactRules rules, HolidayCalendar holidays) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(holidays, "holidays");
        List<Instant> contacts = history.stream()
                .filter(contact -> contact.customerId().equals(customerId))
                .map(ContactRecord::at)
                .sorted()
                .toList();
        Instant horizon = proposed.plus(HORIZON);
        SequencedSet<Deferral> deferrals = new LinkedHashSet<>();
        Instant candidate = proposed;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant current = candidate;
            Optional<Jump> jump = windowAndHolidays(current, rules.window(), holidays, horizon)
                    .or(() -> minimumGap(current, contacts, rules))
                    .or(() -> contactCap(current, contacts, rules));
            if (jump.isEmpty()) {
                return new SendSlot(candidate, List.copyOf(deferrals));
            }
            deferrals.addAll(jump.get().because());
            candidate = jump.get().to();
            if (candidate.isAfter(horizon)) {
                throw noSlot(customerId, proposed, rules, holidays);
            }
        }
        throw noSlot(customerId, proposed, rules, holidays);
    }

    /** The next opening of the window on a day that is not a holiday, if the candidate is not in one. */
    private static Optional<Jump> windowAndHolidays(Instant candidate, SendWindow window, HolidayCalendar holidays, Instant horizon) {
        List<Deferral> because = new ArrayList<>();
        if (!window.contains(candidate)) {
            because.add(new Deferral.OutsideSendWindow(candidate.atZone(window.zone()), window));
        }
        LocalDate last = window.localDate(horizon);
        for (LocalDate date = window.localDate(candidate); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Instant> opening = window.earliestOn(date, candidate);
            if (opening.isEmpty()) {
                continue;
            }
            Optional<String> holiday = holidays.holidayName(date);
            if (holiday.isPresent()) {
                because.add(new Deferral.PublicHoliday(date, holiday.get(), holidays.region()));
                continue;
            }
            return opening.get().equals(candidate) ? Optional.empty() : Optional.of(new Jump(opening.get(), because));
        }
        // Nothing open before the horizon: a jump past it ends the search with NoSendSlotException.
        return Optional.of(new Jump(horizon.plusNanos(1), because));
    }

    /**
     * Past the end of the gap around every contact that is closer than the gap (before or after). The gap's whole days
     * are calendar days in the window's zone: "3 days" after Friday 16:30 is Monday 16:30 on the wall clock, even
     * when the clocks went forward in between (72 hours would be Monday 17:30, outside a 09:00–17:00 window).
     */
    private static Optional<Jump> minimumGap(Instant candidate, List<Instant> contacts, ContactRules rules) {
        Duration gap = rules.minimumGap();
        ZoneId zone = rules.window().zone();
        Optional<Instant> tooClose = contacts.stream()
                .filter(contact -> contact.isAfter(candidate)
                        ? gapEnd(candidate, gap, zone).isAfter(contact)
                        : gapEnd(contact, gap, zone).isAfter(candidate))
                .max(Instant::compareTo);
        return tooClose.map(contact -> new Jump(gapEnd(contact, gap, zone),
                List.of(new Deferral.MinimumGap(contact, !contact.isAfter(candidate), gap, zone))));
    }

    /** The first moment the gap after {@code contact} allows: its days on the zone's calendar, then any hours left over. */
    static Instant gapEnd(Instant contact, Duration gap, ZoneId zone) {
        long days = gap.toDays();
        return contact.atZone(zone).plusDays(days).toInstant().plus(gap.minusDays(days));
    }

    /**
     * The cap holds at a candidate when no {@code cap} other contacts fit with it inside one rolling
     * period (a half-open 7 days). If they do, no moment before the earliest of them plus 7 days can
     * hold, so that is where the candidate goes.
     */
    private static Optional<Jump> contactCap(Instant candidate, List<Instant> contacts, ContactRules rules) {
        int cap = rules.maxContactsPer7Days();
        Duration period = ContactRules.CAP_PERIOD;
        List<Instant> near = contacts.stream()
                .filter(contact -> Duration.between(contact, candidate).abs().compareTo(period) < 0)
                .toList();
        if (near.size() < cap) {
            return Optional.empty();
        }
        int position = (int) near.stream().filter(contact -> !contact.isAfter(candidate)).count();
        Optional<Instant> jumpTo = Optional.empty();
        boolean allEarlier = true;
        // Only runs of cap consecutive contacts next to the candidate need checking: any full period holds one.
        for (int first = Math.max(0, position - cap); first <= Math.min(position, near.size() - cap); first++) {
            Instant earliest = near.get(first).isBefore(candidate) ? near.get(first) : candidate;
            Instant latest = near.get(first + cap - 1).isAfter(candidate) ? near.get(first + cap - 1) : candidate;
            if (Duration.between(earliest, latest).compareTo(period) < 0) {
                Instant to = near.get(first).plus(period);
                if (jumpTo.isEmpty() || to.isAfter(jumpTo.get())) {
                    jumpTo = Optional.of(to);
                    allEarlier = !near.get(first + cap - 1).isAfter(candidate);
                }
            }
        }
        boolean onlyEarlier = allEarlier;
        return jumpTo.map(to -> new Jump(to, List.of(new Deferral.ContactCap(cap, onlyEarlier))));
    }

    private static NoSendSlotException noSlot(String customerId, Instant proposed, ContactRules rules, HolidayCalendar holidays) {
        return new NoSendSlotException("no moment within " + HORIZON.toDays() + " days of " + proposed
                + " satisfies the send rules for customer '" + customerId + "' (window " + rules.window().describe()
                + ", holidays of " + holidays.region() + ", minimum gap " + TextFormat.duration(rules.minimumGap())
                + ", " + rules.describeCap() + "); check the organisation's send rules");
    }
}
