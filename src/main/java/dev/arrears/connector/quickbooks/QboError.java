package dev.arrears.connector.quickbooks;

/** One entry of Intuit's {@code Fault.Error[]}. */
record QboError(String code, String message, String detail, String element) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(code.isEmpty() ? "?" : code).append(' ').append(message);
        if (!detail.isEmpty() && !detail.equals(message)) {
            text.append(": ").append(detail);
        }
        if (!element.isEmpty()) {
            text.append(" (element ").append(element).append(')');
        }
        return text.toString();
    }
}
