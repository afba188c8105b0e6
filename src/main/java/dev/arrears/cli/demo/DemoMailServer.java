package dev.arrears.cli.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's mail server: GreenMail's SMTP server on the loopback interface, the firm-wide default
 * server of every demo organisation's sender profile. It accepts every message and delivers nothing
 * further, so the demo's reminders reach no real mailbox; what was sent is read from Arrears'
 * side ({@code GET /admin/organisations/{id}/emails}).
 */
final class DemoMailServer {

    private final GreenMail greenMail;

    private DemoMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * @param port 0 for any free port
     * @throws IllegalStateException when the port cannot be bound
     */
    static DemoMailServer start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the demo's SMTP server could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new DemoMailServer(mail);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** How many messages the server has taken since it started. */
    int received() {
        return greenMail.getReceivedMessages().length;
    }

    void stop() {
        greenMail.stop();
    }
}
