package dev.arrears.domain.statutory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Which day's reference rate applies to a day of late payment. */
public sealed interface ReferenceRateRule {

    /** The day whose rate applies to {@code day}, for a debt whose interest started on {@code interestStart}. */
    LocalDate referenceDate(LocalDate interestStart, LocalDate day);

    /** Days in {@code (from, through]} on which the applicable reference date changes. */
    List<LocalDate> changeDays(LocalDate from, LocalDate through);

    /** How a computation text states where the rate came from. */
    String describe(String rateName, LocalDate referenceDate);

    /**
     * UK, SI 2002/1675 art. 4: the rate in force on the 30 June (interest starting 1 July to
     * 31 December) or the 31 December (interest starting 1 January to 30 June) immediately before
     * the day interest starts to run, fixed for the life of the debt. The test is the day interest
     * starts, not the due date: a debt due on 30 June starts on 1 July and takes the 30 June rate.
     */
    record FixedForDebt() implements ReferenceRateRule {
        @Override
        public LocalDate referenceDate(LocalDate interestStart, LocalDate day) {
            return HalfYear.containing(interestStart).previous().lastDay();
        }

        @Override
        public List<LocalDate> changeDays(LocalDate from, LocalDate through) {
            return List.of();
        }

        @Override
        public String describe(String rateName, LocalDate referenceDate) {
            return rateName + " on " + referenceDate + ", fixed for this debt";
        }
    }

    /**
     * EU Directive 2011/7/EU Art. 3(2), § 247 BGB, L441-10 II: for each half-year, the rate in force
     * on its first day (1 January / 1 July), so a late period that crosses into a new half-year
     * changes rate there.
     */
    record PerHalfYear() implements ReferenceRateRule {
        @Override
        public LocalDate referenceDate(LocalDate interestStart, LocalDate day) {
            return HalfYear.containing(day).firstDay();
        }

        @Override
        public List<LocalDate> changeDays(LocalDate from, LocalDate through) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = HalfYear.containing(from).next().firstDay(); !d.isAfter(through);
                    d = HalfYear.containing(d).next().firstDay()) {
                days.add(d);
            }
            return days;
        }

        @Override
        public String describe(String rateName, LocalDate referenceDate) {
            return rateName + " in force on " + referenceDate + " for " + HalfYear.containing(referenceDate);
        }
    }
}
