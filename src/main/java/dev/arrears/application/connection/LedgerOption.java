package dev.arrears.application.connection;

import java.util.Objects;

/**
 * One entry of a ledger's list (an account, a tax rate, an item).
 *
 * @param code  what is stored and sent to the ledger (Xero's account code, tax type or item code;
 *              QuickBooks' id)
 * @param label what a person reads
 */
public record LedgerOption(String code, String label) {

    public LedgerOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
