package dev.arrears.persistence;

import dev.arrears.application.email.Mailbox;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Mailboxes kept in one text column, one per line ("Name <address>" or a bare address). */
final class MailboxLines {

    private MailboxLines() {
    }

    static String joined(List<Mailbox> mailboxes) {
        return mailboxes.stream().map(Mailbox::formatted).collect(Collectors.joining("\n"));
    }

    static List<Mailbox> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).map(Mailbox::parse).toList();
    }
}
