package dev.arrears.domain.statutory;

import java.time.LocalDate;

/** A calendar half-year (semester): the unit in which statutory reference rates are fixed. */
public record HalfYear(int year, int half) {

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("a half-year is 1 or 2, was " + half);
        }
    }

    public static HalfYear containing(LocalDate date) {
        return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public LocalDate lastDay() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    /** True for 1 January and 1 July, the only dates a half-yearly table may use. */
    public static boolean isFirstDay(LocalDate date) {
        return date.getDayOfMonth() == 1 && (date.getMonthValue() == 1 || date.getMonthValue() == 7);
    }

    @Override
    public String toString() {
        return year + "-H" + half;
    }
}
