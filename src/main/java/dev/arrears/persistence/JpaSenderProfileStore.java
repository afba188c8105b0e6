package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.Sealed;
import dev.arrears.application.SecretSealer;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.email.EscalatedSender;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.domain.policy.ReminderChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@link SenderProfileStore} on {@code sender_profile}; the SMTP password is sealed before it reaches an entity. */
@ApplicationScoped
public class JpaSenderProfileStore implements SenderProfileStore {

    private final EntityManager em;
    private final SecretSealer sealer;
    private final Clock clock;

    JpaSenderProfileStore(EntityManager em, SecretSealer sealer, Clock clock) {
        this.em = em;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<SenderProfile> find(OrganisationId organisation) {
        SenderProfileEntity row = em.find(SenderProfileEntity.class, organisation.value());
        if (row == null) {
            return Optional.empty();
        }
        Optional<SmtpServer> server = Optional.ofNullable(row.smtpHost).map(host -> new SmtpServer(host, row.smtpPort,
                SmtpSecurity.valueOf(row.smtpSecurity), Optional.ofNullable(row.smtpUser),
                Optional.ofNullable(row.smtpPasswordCiphertext)
                        .map(bytes -> sealer.open(new Sealed(row.smtpPasswordKeyId, bytes), SealedPlaces.smtpPassword(row.organisationId)))));
        Optional<EscalatedSender> escalated = Optional.ofNullable(row.escalatedFrom)
                .map(text -> new EscalatedSender(Mailbox.parse(text), row.escalatedFromStage));
        return Optional.of(new SenderProfile(ReminderChannel.valueOf(row.channel),
                new Mailbox(row.fromAddress, Optional.ofNullable(row.fromName)),
                Optional.ofNullable(row.replyTo).map(Mailbox::parse), MailboxLines.lines(row.cc), MailboxLines.lines(row.bcc), escalated, server,
                Locale.forLanguageTag(row.language)));
    }

    @Override
    @Transactional
    public void save(OrganisationId organisation, SenderProfile profile) {
        if (em.find(OrganisationEntity.class, organisation.value()) == null) {
            throw new UnknownOrganisationException(organisation);
        }
        Instant now = clock.instant();
        // Two saves at once (two operators, two replicas): the second waits for the first and replaces it.
        em.createNativeQuery("insert into sender_profile (organisation_id, channel, from_address, language, created_at, updated_at)"
                        + " values (:id, 'LEDGER', 'pending@invalid.example', 'en', :now, :now) on conflict (organisation_id) do nothing")
                .setParameter("id", organisation.value()).setParameter("now", now).executeUpdate();
        SenderProfileEntity row = em.find(SenderProfileEntity.class, organisation.value(), LockModeType.PESSIMISTIC_WRITE);
        row.channel = profile.channel().name();
        row.fromAddress = profile.from().address();
        row.fromName = profile.from().name().orElse(null);
        row.replyTo = profile.replyTo().map(Mailbox::formatted).orElse(null);
        row.cc = MailboxLines.joined(profile.cc());
        row.bcc = MailboxLines.joined(profile.bcc());
        row.escalatedFrom = profile.escalated().map(e -> e.from().formatted()).orElse(null);
        row.escalatedFromStage = profile.escalated().map(EscalatedSender::fromStage).orElse(null);
        Optional<SmtpServer> server = profile.server();
        row.smtpHost = server.map(SmtpServer::host).orElse(null);
        row.smtpPort = server.map(SmtpServer::port).orElse(null);
        row.smtpSecurity = server.map(s -> s.security().name()).orElse(null);
        row.smtpUser = server.flatMap(SmtpServer::user).orElse(null);
        Optional<Sealed> password = server.flatMap(SmtpServer::password)
                .map(plain -> sealer.seal(plain, SealedPlaces.smtpPassword(organisation.value())));
        row.smtpPasswordCiphertext = password.map(Sealed::ciphertext).orElse(null);
        row.smtpPasswordKeyId = password.map(Sealed::keyId).orElse(null);
        row.language = profile.language().toLanguageTag();
        row.updatedAt = now;
    }

    @Override
    @Transactional
    public boolean remove(OrganisationId organisation) {
        return em.createQuery("delete from SenderProfileEntity p where p.organisationId = :id")
                .setParameter("id", organisation.value()).executeUpdate() > 0;
    }
}
