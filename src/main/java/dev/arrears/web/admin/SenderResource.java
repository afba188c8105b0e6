package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.email.Channels;
import dev.arrears.application.email.EscalatedSender;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.domain.policy.ReminderChannel;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Operator: an organisation's reminder channel and sender profile (see docs/email.md). The SMTP
 * password can be set and replaced, never read back.
 */
@Path("/admin/organisations/{id}/sender")
@Produces(MediaType.APPLICATION_JSON)
public class SenderResource {

    private final SenderProfileStore profiles;
    private final CycleBook book;

    public SenderResource(SenderProfileStore profiles, CycleBook book) {
        this.profiles = profiles;
        this.book = book;
    }

    @GET
    public SenderView show(@PathParam("id") String id) {
        OrganisationId org = known(id);
        return SenderView.of(org, profiles.find(org));
    }

    /**
     * Creates or replaces the profile. An SMTP password left out keeps the stored one when the host and
     * user are unchanged, so an operator can change the From address without knowing the password.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SenderView save(@PathParam("id") String id, SenderRequest request) {
        OrganisationId org = known(id);
        if (request == null) {
            throw new IllegalArgumentException("expected a sender profile such as {\"from\": \"Acme Accounts <accounts@acme.example>\"}");
        }
        SenderProfile profile = request.toProfile(profiles.find(org).flatMap(SenderProfile::server));
        profiles.save(org, profile);
        return SenderView.of(org, profiles.find(org));
    }

    /** Removes the profile: the organisation's reminders go through the ledger's own invoice email again. */
    @DELETE
    public SenderView remove(@PathParam("id") String id) {
        OrganisationId org = known(id);
        profiles.remove(org);
        return SenderView.of(org, Optional.empty());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    private OrganisationId known(String id) {
        return OrganisationIds.known(id, book);
    }

    /** The request body; addresses as {@code accounts@example.com} or {@code Example Ltd <accounts@example.com>}. */
    public record SenderRequest(String channel, String from, String replyTo, List<String> cc, List<String> bcc,
                                String escalatedFrom, String escalatedFromStage, SmtpRequest smtp, String language) {

        SenderProfile toProfile(Optional<SmtpServer> stored) {
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("from is required: the address the reminders come from");
            }
            ReminderChannel chosen = channel == null || channel.isBlank() ? ReminderChannel.EMAIL
                    : ReminderChannel.parse(channel).orElseThrow(() -> new IllegalArgumentException(
                            "channel must be email or ledger, was '" + channel + "'"));
            if ((escalatedFrom == null || escalatedFrom.isBlank()) != (escalatedFromStage == null || escalatedFromStage.isBlank())) {
                throw new IllegalArgumentException("escalatedFrom and escalatedFromStage go together: the sender and the stage it starts at");
            }
            Optional<EscalatedSender> escalated = escalatedFrom == null || escalatedFrom.isBlank() ? Optional.empty()
                    : Optional.of(new EscalatedSender(EmailRequests.mailbox("escalatedFrom", escalatedFrom), escalatedFromStage.strip()));
            return new SenderProfile(chosen, EmailRequests.mailbox("from", from),
                    Optional.ofNullable(replyTo).filter(r -> !r.isBlank()).map(r -> EmailRequests.mailbox("replyTo", r)),
                    EmailRequests.mailboxes("cc", cc), EmailRequests.mailboxes("bcc", bcc), escalated,
                    smtp == null ? Optional.empty() : Optional.of(smtp.toServer(stored)), EmailRequests.language(language).orElse(Locale.ENGLISH));
        }
    }

    /** The organisation's own SMTP server; leave out {@code smtp} to use the firm-wide default server. */
    public record SmtpRequest(String host, Integer port, String security, String user, String password) {

        SmtpServer toServer(Optional<SmtpServer> stored) {
            if (host == null || port == null || security == null) {
                throw new IllegalArgumentException("smtp needs host, port and security (STARTTLS, TLS or NONE)");
            }
            SmtpSecurity mode;
            try {
                mode = SmtpSecurity.valueOf(security.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("smtp.security must be STARTTLS, TLS or NONE, was '" + security + "'", e);
            }
            Optional<String> login = Optional.ofNullable(user).map(String::strip).filter(u -> !u.isEmpty());
            Optional<String> secret = Optional.ofNullable(password).filter(p -> !p.isEmpty());
            if (login.isPresent() && secret.isEmpty()) {
                secret = stored.filter(s -> s.host().equalsIgnoreCase(host.strip()) && s.user().equals(login))
                        .flatMap(SmtpServer::password);
            }
            return new SmtpServer(host, port, mode, login, secret);
        }
    }

    public record SmtpView(String host, int port, String security, String user, boolean passwordSet) {
    }

    /**
     * @param channel the organisation's channel ({@code ledger} without a profile); a stage of its policy may override it
     * @param smtp    null when the firm-wide default server is used
     */
    public record SenderView(String organisation, String channel, String from, String replyTo, List<String> cc,
                             List<String> bcc, String escalatedFrom, String escalatedFromStage, SmtpView smtp,
                             boolean firmDefaultServer, String language) {

        static SenderView of(OrganisationId org, Optional<SenderProfile> stored) {
            String channel = Channels.ofOrganisation(stored).spelling();
            if (stored.isEmpty()) {
                return new SenderView(org.toString(), channel, null, null, List.of(), List.of(), null, null, null, false, null);
            }
            SenderProfile p = stored.get();
            SmtpView smtp = p.server().map(s -> new SmtpView(s.host(), s.port(), s.security().name(), s.user().orElse(null),
                    s.password().isPresent())).orElse(null);
            return new SenderView(org.toString(), channel, p.from().formatted(), p.replyTo().map(Mailbox::formatted).orElse(null),
                    p.cc().stream().map(Mailbox::formatted).toList(), p.bcc().stream().map(Mailbox::formatted).toList(),
                    p.escalated().map(e -> e.from().formatted()).orElse(null),
                    p.escalated().map(EscalatedSender::fromStage).orElse(null), smtp, p.server().isEmpty(),
                    p.language().toLanguageTag());
        }
    }
}
