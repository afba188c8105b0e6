package dev.arrears.application.console;

import java.util.Optional;

/** Append-only record of sign-ins, sign-outs, refusals and user administration (not tied to one organisation). */
public interface ConsoleEvents {

    enum Kind { SIGNED_IN, SIGN_IN_REFUSED, SIGN_IN_THROTTLED, SIGNED_OUT, USER_CREATED, ORGANISATION_ASSIGNED, POLICY_SAVED, SETTINGS_SAVED,
        TEMPLATE_SAVED }

    void record(Optional<String> username, Kind kind, String message);
}
