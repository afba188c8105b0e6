package dev.arrears.application.forecast;

import dev.arrears.application.SendRules;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.contact.ContactScheduler;
import dev.arrears.domain.contact.Deferral;
import dev.arrears.domain.contact.NoSendSlotException;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.dunning.ActionKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The send rules in the forecast: each day's reminders, one customer at a time, go through the same
 * {@link ContactScheduler} the daemon asks before it sends. The forecast's own sends are the contact
 * history: a customer's reminders planned on one day are one contact (as in one dispatch run), at
 * the moment the scheduler allows.
 */
final class ForecastSendWindows {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final String PREFIX = "deferred: ";

    /**
     * A reminder line planned today, not yet placed on the day it goes out.
     *
     * @param detailOn the line's detail on the day it goes out (its email's subject counts the days overdue then)
     */
    record Reminder(ForecastLine line, ActionKey key, java.util.function.Function<LocalDate, String> detailOn,
                    List<ForecastLine> followers) {
        Reminder(ForecastLine line, ActionKey key) {
            this(line, key, day -> line.detail());
        }

        /** @param followers filled by the caller: the stage's fees and notes, which go on the day this reminder goes */
        Reminder(ForecastLine line, ActionKey key, java.util.function.Function<LocalDate, String> detailOn) {
            this(line, key, detailOn, new ArrayList<>());
        }
    }

    private final SendRules rules;
    private final ZoneId zone;
    private final ContactScheduler scheduler = new ContactScheduler();
    private final List<ContactRecord> history = new ArrayList<>();

    ForecastSendWindows(SendRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.zone = rules.contact().window().zone();
    }

    /** Places the reminders planned on {@code day}, by customer, on the day they would go out. */
    void schedule(LocalDate day, Map<String, List<Reminder>> byCustomer, List<ForecastLine> lines) {
        Instant proposed = day.atStartOfDay(zone).toInstant();
        byCustomer.forEach((customerId, reminders) -> {
            SendSlot slot;
            try {
                slot = scheduler.earliestAllowed(customerId, proposed, history, rules.contact(), rules.holidays());
            } catch (NoSendSlotException e) {
                // The rules allow no moment at all: said on the day, as the daemon's audit trail would.
                reminders.forEach(r -> {
                    lines.add(deferred(r.line(), "never: " + e.getMessage()));
                    r.followers().forEach(f -> lines.add(waiting(f, "which never goes")));
                });
                return;
            }
            history.add(ContactRecord.automatic(customerId, slot.at(), ContactChannel.EMAIL, reminders.getFirst().key()));
            ZonedDateTime at = slot.at().atZone(zone);
            if (at.toLocalDate().equals(day)) {
                reminders.forEach(r -> {
                    lines.add(r.line());
                    lines.addAll(r.followers());
                });
                return;
            }
            String reasons = reasons(slot);
            for (Reminder reminder : reminders) {
                ForecastLine planned = reminder.line();
                lines.add(deferred(planned, "to " + MOMENT.format(at) + " " + zone.getId() + ": " + reasons));
                lines.add(new ForecastLine(at.toLocalDate(), planned.invoiceNumber(), planned.customerName(), planned.stage(),
                        planned.kind(), planned.amount(), reminder.detailOn().apply(at.toLocalDate()) + " (planned for " + day
                        + ", deferred)", planned.reasons()));
                for (ForecastLine follower : reminder.followers()) {
                    lines.add(waiting(follower, "to " + MOMENT.format(at) + " " + zone.getId()));
                    lines.add(new ForecastLine(at.toLocalDate(), follower.invoiceNumber(), follower.customerName(), follower.stage(),
                            follower.kind(), follower.amount(), follower.detail() + " (planned for " + day
                            + ", with its stage's reminder)", follower.reasons()));
                }
            }
        });
    }

    /**
     * The scheduler's reasons, without "deferred: " and without "00:00 is outside the send window" on a
     * day the window opens later: the forecast proposes the start of each day, so that one says nothing.
     */
    private String reasons(SendSlot slot) {
        List<Deferral> told = slot.deferrals().stream()
                .filter(d -> !(d instanceof Deferral.OutsideSendWindow outside
                        && rules.contact().window().days().contains(outside.at().getDayOfWeek())))
                .toList();
        return (told.isEmpty() ? slot.deferrals() : told).stream().map(Deferral::reason)
                .map(reason -> reason.startsWith(PREFIX) ? reason.substring(PREFIX.length()) : reason)
                .collect(Collectors.joining("; "));
    }

    /** A stage's fee or note that waits for the stage's reminder: said on the day it was planned, without its amount. */
    private static ForecastLine waiting(ForecastLine follower, String when) {
        String what = follower.kind() == ForecastLine.Kind.LATE_FEE ? "late fee " : "note ";
        return new ForecastLine(follower.date(), follower.invoiceNumber(), follower.customerName(), follower.stage(),
                ForecastLine.Kind.DEFERRED, java.util.Optional.empty(), what + follower.detail() + " waits for its stage's reminder, "
                + when, follower.reasons());
    }

    private static ForecastLine deferred(ForecastLine planned, String detail) {
        return new ForecastLine(planned.date(), planned.invoiceNumber(), planned.customerName(), planned.stage(),
                ForecastLine.Kind.DEFERRED, planned.amount(), "reminder " + planned.detail() + " deferred " + detail,
                planned.reasons());
    }
}
