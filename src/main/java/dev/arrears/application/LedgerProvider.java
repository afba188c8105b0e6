package dev.arrears.application;

/** The accounting systems Arrears connects to. */
public enum LedgerProvider {
    XERO,
    QUICKBOOKS
}
