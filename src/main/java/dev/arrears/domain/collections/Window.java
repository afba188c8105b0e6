package dev.arrears.domain.collections;

import java.time.LocalDate;
import java.util.Optional;

/** Day arithmetic shared by the facts: each applies from a first day up to (not including) an end day. */
final class Window {

    private Window() {
    }

    static boolean active(LocalDate from, Optional<LocalDate> endsOn, LocalDate day) {
        return !day.isBefore(from) && endsOn.map(day::isBefore).orElse(true);
    }

    @SafeVarargs
    static Optional<LocalDate> earliest(Optional<LocalDate>... days) {
        Optional<LocalDate> earliest = Optional.empty();
        for (Optional<LocalDate> day : days) {
            if (day.isPresent() && (earliest.isEmpty() || day.get().isBefore(earliest.get()))) {
                earliest = day;
            }
        }
        return earliest;
    }
}
