package dev.arrears.architecture.violations.connector.xero;

import dev.arrears.architecture.violations.connector.quickbooks.QuickBooksHelper;

/** Deliberately broken: one connector reusing the other's code. */
public class XeroBorrowingFromQuickBooks {
    public String version() {
        return QuickBooksHelper.minorVersion();
    }
}
