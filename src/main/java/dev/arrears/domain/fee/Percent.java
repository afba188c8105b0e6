package dev.arrears.domain.fee;

import java.math.BigDecimal;

final class Percent {

    private Percent() {
    }

    /** "8.00%", "1.50%", "0.125%": at least two decimals, as accountants write rates. */
    static String format(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString() + "%";
    }
}
