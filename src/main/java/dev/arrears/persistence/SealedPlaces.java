package dev.arrears.persistence;

import java.util.UUID;

/**
 * Where each sealed value lives, as the sealer binds it: table, column and row key. A value moved to
 * another organisation's row (or from the access to the refresh column) then fails to open.
 */
final class SealedPlaces {

    private SealedPlaces() {
    }

    static String accessToken(UUID organisation) {
        return "ledger_connection.access_token:" + organisation;
    }

    static String refreshToken(UUID organisation) {
        return "ledger_connection.refresh_token:" + organisation;
    }

    static String smtpPassword(UUID organisation) {
        return "sender_profile.smtp_password:" + organisation;
    }

    static String codeVerifier(String state) {
        return "oauth_pending_consent.code_verifier:" + state;
    }
}
