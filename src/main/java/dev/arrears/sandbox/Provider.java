package dev.arrears.sandbox;

/** The two ledgers the sandbox imitates. {@link #key()} is the name used in URLs and the control API. */
public enum Provider {
    XERO("xero"),
    QUICKBOOKS("qbo");

    private final String key;

    Provider(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Provider fromKey(String key) {
        for (Provider p : values()) {
            if (p.key.equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + key + "' (xero or qbo)");
    }
}
