package dev.arrears.architecture.violations.sandbox;

import dev.arrears.architecture.violations.connector.quickbooks.QuickBooksHelper;

/** Deliberately broken: the sandbox borrowing the connector it is meant to test. */
public class SandboxUsingAConnector {
    public String version() {
        return QuickBooksHelper.minorVersion();
    }
}
