package dev.arrears.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ContactSchedulerProperties {

    private static final String CUSTOMER = "c-1";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private final ContactScheduler scheduler = new ContactScheduler();

    /** One call's arguments. */
    record Scenario(Instant proposed, List<ContactRecord> history, ContactRules rules, HolidayCalendar holidays) {

        List<Instant> contacts() {
            return history.stream().filter(c -> c.customerId().equals(CUSTOMER)).map(ContactRecord::at).sorted().toList();
        }
    }

    @Property
    void neverBeforeTheProposedMoment(@ForAll("scenarios") Scenario s) {
        assertThat(schedule(s).at()).isAfterOrEqualTo(s.proposed());
    }

    @Property
    void alwaysInsideTheWindowAndNeverOnAHoliday(@ForAll("scenarios") Scenario s) {
        Instant at = schedule(s).at();
        assertThat(s.rules().window().contains(at)).as("%s inside %s", at, s.rules().window().describe()).isTrue();
        assertThat(s.holidays().isHoliday(s.rules().window().localDate(at))).isFalse();
    }

    @Property
    void alwaysKeepsTheGapAndTheCap(@ForAll("scenarios") Scenario s) {
        Instant at = schedule(s).at();
        assertThat(keepsGap(at, s)).as("gap at %s", at).isTrue();
        assertThat(keepsCap(at, s)).as("cap at %s", at).isTrue();
    }

    @Property
    void noEarlierMomentIsAllowed(@ForAll("scenarios") Scenario s) {
        Instant at = schedule(s).at();
        // The earliest allowed moment is the proposed one or one where some rule starts to hold:
        // a window opening, the end of a gap, or a contact leaving a 7-day period.
        List<Instant> events = new ArrayList<>(List.of(s.proposed()));
        SendWindow window = s.rules().window();
        for (LocalDate d = window.localDate(s.proposed()); !d.isAfter(window.localDate(at)); d = d.plusDays(1)) {
            window.earliestOn(d, s.proposed()).ifPresent(events::add);
        }
        for (Instant c : s.contacts()) {
            events.add(c.plus(s.rules().minimumGap()));
            events.add(c.plus(ContactRules.CAP_PERIOD));
        }
        events.stream()
                .filter(e -> !e.isBefore(s.proposed()) && e.isBefore(at))
                .forEach(e -> assertThat(allows(e, s)).as("%s is allowed and earlier than %s", e, at).isFalse());
    }

    @Property
    void askingAgainWithTheAnswerGivesTheSameMomentWithoutDeferral(@ForAll("scenarios") Scenario s) {
        SendSlot first = schedule(s);
        SendSlot again = scheduler.earliestAllowed(CUSTOMER, first.at(), s.history(), s.rules(), s.holidays());
        assertThat(again.at()).isEqualTo(first.at());
        assertThat(again.deferred()).isFalse();
    }

    @Property
    void deterministicWhateverTheOrderOfTheHistory(@ForAll("scenarios") Scenario s) {
        List<ContactRecord> reversed = new ArrayList<>(s.history());
        Collections.reverse(reversed);
        SendSlot first = schedule(s);
        assertThat(schedule(s)).isEqualTo(first);
        assertThat(scheduler.earliestAllowed(CUSTOMER, s.proposed(), reversed, s.rules(), s.holidays()).at()).isEqualTo(first.at());
    }

    private SendSlot schedule(Scenario s) {
        return scheduler.earliestAllowed(CUSTOMER, s.proposed(), s.history(), s.rules(), s.holidays());
    }

    private static boolean allows(Instant t, Scenario s) {
        SendWindow window = s.rules().window();
        return window.contains(t) && !s.holidays().isHoliday(window.localDate(t)) && keepsGap(t, s) && keepsCap(t, s);
    }

    private static boolean keepsGap(Instant t, Scenario s) {
        return s.contacts().stream().allMatch(c -> Duration.between(c, t).abs().compareTo(s.rules().minimumGap()) >= 0);
    }

    /** Counted the slow way: every 7-day period that holds t, starting at t or at a contact before it. */
    private static boolean keepsCap(Instant t, Scenario s) {
        List<Instant> starts = new ArrayList<>(s.contacts().stream().filter(c -> !c.isAfter(t)).toList());
        starts.add(t);
        for (Instant start : starts) {
            Instant end = start.plus(ContactRules.CAP_PERIOD);
            if (t.isBefore(start) || !t.isBefore(end)) {
                continue;
            }
            long others = s.contacts().stream().filter(c -> !c.isBefore(start) && c.isBefore(end)).count();
            if (others + 1 > s.rules().maxContactsPer7Days()) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Instant> proposed = Arbitraries.longs().between(0, Duration.ofDays(730).toSeconds()).map(FROM::plusSeconds);
        Arbitrary<List<Long>> ownContacts = Arbitraries.longs().between(-20 * 24 * 60, 20 * 24 * 60).list().ofMaxSize(8);
        Arbitrary<List<Long>> otherContacts = Arbitraries.longs().between(-5 * 24 * 60, 5 * 24 * 60).list().ofMaxSize(3);
        Arbitrary<Set<Integer>> holidayDays = Arbitraries.integers().between(0, 90).set().ofMaxSize(25);
        return Combinators.combine(proposed, rules(), ownContacts, otherContacts, holidayDays)
                .as(ContactSchedulerProperties::scenario);
    }

    /** Contacts are minutes around the proposed moment; holidays are days counted from its local date. */
    private static Scenario scenario(Instant proposed, ContactRules rules, List<Long> own, List<Long> others, Set<Integer> holidayDays) {
        List<ContactRecord> history = new ArrayList<>();
        own.forEach(m -> history.add(ContactRecord.manual(CUSTOMER, proposed.plus(Duration.ofMinutes(m)), ContactChannel.PHONE)));
        others.forEach(m -> history.add(ContactRecord.manual("someone-else", proposed.plus(Duration.ofMinutes(m)), ContactChannel.EMAIL)));
        LocalDate firstDay = rules.window().localDate(proposed);
        Map<LocalDate, String> holidays = holidayDays.stream()
                .collect(Collectors.toMap(d -> firstDay.plusDays(d), d -> "Holiday " + d));
        return new Scenario(proposed, history, rules, new FixedHolidays("XX", holidays));
    }

    private static Arbitrary<ContactRules> rules() {
        Arbitrary<ZoneId> zones = Arbitraries.of("Europe/London", "Pacific/Auckland", "America/New_York", "Asia/Kolkata",
                "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "UTC").map(ZoneId::of);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1);
        Arbitrary<int[]> hours = Arbitraries.integers().between(0, 24 * 60 - 1)
                .flatMap(start -> Arbitraries.integers().between(start + 1, 24 * 60).map(end -> new int[] {start, end}));
        Function<Integer, LocalTime> time = m -> m == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(m / 60, m % 60);
        Arbitrary<SendWindow> windows = Combinators.combine(days, hours, zones)
                .as((d, h, z) -> new SendWindow(d, time.apply(h[0]), time.apply(h[1]), z));
        Arbitrary<Duration> gaps = Arbitraries.integers().between(0, 5 * 24).map(Duration::ofHours);
        Arbitrary<Integer> caps = Arbitraries.integers().between(1, 5);
        return Combinators.combine(windows, gaps, caps).as(ContactRules::new);
    }
}
