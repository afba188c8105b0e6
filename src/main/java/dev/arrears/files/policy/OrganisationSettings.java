package dev.arrears.files.policy;

import dev.arrears.domain.contact.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** One organisation's settings file; every part left out takes its default when the rules are asked for. */
record OrganisationSettings(String file, OrganisationSelector selector, Rules sendRules) {

    record Rules(Optional<Set<DayOfWeek>> days, Optional<LocalTime> from, Optional<LocalTime> until, Optional<ZoneId> zone,
                 Optional<HolidayCalendar> holidays, Optional<Duration> minimumGap, Optional<Integer> maxContactsPer7Days) {
        static final Rules DEFAULTS = new Rules(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
