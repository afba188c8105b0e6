package dev.arrears.application.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement email whose answer was lost is one task for a person, on its first reminder; its other
 * reminders wait with it, their reasons saying so and naming the statement's {@code Message-ID}. The
 * task board shows the one task and closes them all together.
 */
public final class StatementTasks {

    /** How the reason of a reminder covered by another's task starts. */
    public static final String COVERED = "covered by the task on ";

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

    private StatementTasks() {
    }

    /** The reason of a reminder the statement {@code messageId} covers, whose task is on {@code firstInvoice}. */
    public static String covered(String firstInvoice, String messageId, String invoices) {
        return COVERED + firstInvoice + ": may have been sent in the statement <" + messageId + "> with " + invoices
                + "; never sent again automatically";
    }

    public static boolean isCovered(String reason) {
        return reason.startsWith(COVERED);
    }

    /** The first {@code Message-ID} a reason names, if any. */
    public static Optional<String> messageId(String reason) {
        Matcher m = MESSAGE_ID.matcher(reason);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
