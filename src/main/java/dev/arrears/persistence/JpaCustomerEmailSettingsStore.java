package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.email.CustomerEmailSetting;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@link CustomerEmailSettingsStore} on {@code customer_email_setting}. */
@ApplicationScoped
public class JpaCustomerEmailSettingsStore implements CustomerEmailSettingsStore {

    private final EntityManager em;
    private final Clock clock;

    JpaCustomerEmailSettingsStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CustomerEmailSetting find(OrganisationId organisation, String customerId) {
        CustomerEmailSettingEntity row = em.find(CustomerEmailSettingEntity.class,
                new CustomerEmailSettingEntity.Key(organisation.value(), customerId));
        if (row == null) {
            return CustomerEmailSetting.NONE;
        }
        return new CustomerEmailSetting(Optional.ofNullable(row.toOverride).map(MailboxLines::lines),
                MailboxLines.lines(row.cc), MailboxLines.lines(row.bcc), Optional.ofNullable(row.language).map(Locale::forLanguageTag));
    }

    @Override
    @Transactional
    public void save(OrganisationId organisation, String customerId, CustomerEmailSetting setting) {
        if (em.find(OrganisationEntity.class, organisation.value()) == null) {
            throw new UnknownOrganisationException(organisation);
        }
        Instant now = clock.instant();
        // An upsert: two saves at once end with the later one, never with a failed insert.
        em.createNativeQuery("insert into customer_email_setting (organisation_id, customer_id, to_override, cc, bcc, language,"
                        + " created_at, updated_at) values (:org, :customer, cast(:to as text), :cc, :bcc, cast(:language as text), :now, :now)"
                        + " on conflict (organisation_id, customer_id) do update set to_override = excluded.to_override,"
                        + " cc = excluded.cc, bcc = excluded.bcc, language = excluded.language, updated_at = excluded.updated_at")
                .setParameter("org", organisation.value()).setParameter("customer", customerId)
                .setParameter("to", setting.to().map(MailboxLines::joined).orElse(null))
                .setParameter("cc", MailboxLines.joined(setting.cc())).setParameter("bcc", MailboxLines.joined(setting.bcc()))
                .setParameter("language", setting.language().map(Locale::toLanguageTag).orElse(null))
                .setParameter("now", now).executeUpdate();
    }

    @Override
    @Transactional
    public boolean remove(OrganisationId organisation, String customerId) {
        return em.createQuery("delete from CustomerEmailSettingEntity s where s.organisationId = :org and s.customerId = :customer")
                .setParameter("org", organisation.value()).setParameter("customer", customerId).executeUpdate() > 0;
    }
}
