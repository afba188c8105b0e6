package dev.arrears.connector.text;

/**
 * Text as a ledger gives it, made storable: PostgreSQL cannot store a NUL in {@code text}, so one in
 * a customer's name would fail the sync page that holds it on every retry. Control characters other
 * than tab and line breaks carry nothing a reminder or a person needs, so they are removed as the text
 * is read; both connectors read their text through here.
 */
public final class LedgerText {

    private LedgerText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            if (control && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
