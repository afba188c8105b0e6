package dev.arrears.domain.statutory;

import java.time.LocalDate;
import java.time.Year;

/**
 * How many days a year has when a yearly rate is turned into a daily one. UK and French practice
 * divide by 365 every year; German law fixes nothing, so it is part of the preset (RULES.md §3).
 */
public enum DayCount {
    /** Always 365, leap years included. */
    ACT_365("act/365"),
    /** 366 for days in a leap year, 365 otherwise; a period crossing 1 January is split there. */
    ACT_ACT("act/act");

    private final String label;

    DayCount(String label) {
        this.label = label;
    }

    public int daysInYear(LocalDate day) {
        return this == ACT_ACT && Year.isLeap(day.getYear()) ? 366 : 365;
    }

    /** Whether the year's length can change inside a period, so segments must end on 31 December. */
    public boolean splitsAtYearEnd() {
        return this == ACT_ACT;
    }

    public String label() {
        return label;
    }

    public static DayCount ofLabel(String label) {
        for (DayCount count : values()) {
            if (count.label.equals(label)) {
                return count;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a day count; allowed: act/365, act/act");
    }
}
