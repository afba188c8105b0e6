package dev.arrears.application.console;

import java.time.Instant;

/** How a sign-in ended. The refusal never says whether the name or the password was wrong. */
public sealed interface SignInResult {

    /** @param token the session cookie's value: shown to the browser once, stored only as a hash */
    record SignedIn(ConsoleUser user, String token) implements SignInResult {
        @Override
        public String toString() {
            return "SignedIn[" + user.username() + "]"; // never the token
        }
    }

    record Refused() implements SignInResult {
    }

    /** Too many failures under this name: refused until {@code until}, whatever the password. */
    record Locked(Instant until) implements SignInResult {
    }
}
