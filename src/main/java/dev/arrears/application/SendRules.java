package dev.arrears.application;

import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.HolidayCalendar;
import java.util.Objects;

/**
 * The send rules of one organisation, ready for the {@code ContactScheduler}.
 *
 * @param source the file they came from, or a sentence saying they are the defaults, for explanations
 */
public record SendRules(ContactRules contact, HolidayCalendar holidays, String source) {
    public SendRules {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(source, "source");
    }
}
