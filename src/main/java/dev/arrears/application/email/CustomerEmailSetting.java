package dev.arrears.application.email;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An accountant's settings for one customer's reminder emails.
 *
 * @param to       when present, these addresses replace what the ledger holds
 * @param cc       added to every reminder email of the customer
 * @param language the customer's language for the templates; empty = the organisation's
 */
public record CustomerEmailSetting(Optional<List<Mailbox>> to, List<Mailbox> cc, List<Mailbox> bcc, Optional<Locale> language) {

    public static final CustomerEmailSetting NONE = new CustomerEmailSetting(Optional.empty(), List.of(), List.of(), Optional.empty());

    public CustomerEmailSetting {
        Objects.requireNonNull(to, "to");
        to = to.map(List::copyOf);
        if (to.isPresent() && to.get().isEmpty()) {
            throw new IllegalArgumentException("an override of the customer's addresses needs at least one address");
        }
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(language, "language");
    }
}
