package dev.arrears.application.console;

/** What a console user may do. Stored by name: never rename one. */
public enum ConsoleRole {
    /** Users, every organisation, connections. */
    FIRM_ADMIN,
    /** Works the organisations assigned to them. */
    ACCOUNTANT,
    /** Reads the organisations assigned to them; changes nothing. */
    VIEWER;

    /** The words the console shows. */
    public String label() {
        return switch (this) {
            case FIRM_ADMIN -> "Firm admin";
            case ACCOUNTANT -> "Accountant";
            case VIEWER -> "Viewer";
        };
    }
}
