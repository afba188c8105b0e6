package dev.arrears.web.edge;

/** What counts as a control character in text from a request. */
final class TextChecks {

    private TextChecks() {
    }

    /** C0 and C1 controls and DEL; tab, line feed and carriage return only when {@code lineBreaksAllowed}. */
    static boolean hasControl(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
