package dev.arrears.application.ledger;

import java.util.Objects;

/**
 * Who started an OAuth consent and where the browser goes back to when the provider returns it.
 *
 * @param startedBy the console user's name, or {@code operator} for the admin API's token
 * @param console   true: the callback sends the browser back to the console's Connections page;
 *                  false: it answers with JSON, as the admin API's flow always has
 */
public record ConsentOrigin(String startedBy, boolean console) {

    public static final ConsentOrigin OPERATOR = new ConsentOrigin("operator", false);

    public ConsentOrigin {
        Objects.requireNonNull(startedBy, "startedBy");
    }
}
