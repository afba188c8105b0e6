package dev.arrears.architecture.violations.connector.quickbooks;

public class QuickBooksHelper {
    public static String minorVersion() {
        return "75";
    }
}
