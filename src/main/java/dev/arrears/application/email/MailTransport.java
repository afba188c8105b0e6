package dev.arrears.application.email;

/**
 * Port: hands an email to the sender's mail server. Today SMTP (the organisation's own server or
 * the firm's default one); a transport that sends through the accountant's own Gmail or Microsoft
 * 365 mailbox (their HTTP APIs, with an OAuth consent) plugs in here and says which profiles it
 * serves. Never throws for the server's sake: every failure is a {@link SendOutcome}.
 */
public interface MailTransport {

    /** Whether this transport sends for the profile. */
    boolean serves(SenderProfile profile);

    /** Hands the email over once; never retries by itself after the message may have been handed over. */
    SendOutcome send(SenderProfile profile, OutgoingEmail email);
}
