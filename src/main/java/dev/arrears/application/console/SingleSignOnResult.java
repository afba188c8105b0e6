package dev.arrears.application.console;

/** How a sign-in through the identity provider ended. */
public sealed interface SingleSignOnResult {

    /** @param token the session cookie's value, as after a password sign-in */
    record SignedIn(ConsoleUser user, String token) implements SingleSignOnResult {
        @Override
        public String toString() {
            return "SignedIn[" + user.username() + "]"; // never the token
        }
    }

    /** @param reason what the person is told, and what the sign-in record keeps */
    record Refused(String reason) implements SingleSignOnResult {
    }
}
