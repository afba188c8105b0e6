package dev.arrears.architecture.violations.cli;

import dev.arrears.architecture.violations.connector.quickbooks.QuickBooksHelper;

/** Deliberately broken: a command calling a connector directly. */
public class CommandUsingAConnector {
    public Object run() {
        return new QuickBooksHelper();
    }
}
