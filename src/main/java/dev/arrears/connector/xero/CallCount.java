package dev.arrears.connector.xero;

/** Requests sent to Xero during one gateway call, for the sync report. One caller thread at a time. */
final class CallCount {

    private int count;

    void add() {
        count++;
    }

    int value() {
        return count;
    }
}
