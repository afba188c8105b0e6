package dev.arrears.persistence;

import dev.arrears.application.PolicyVersionRecord;
import dev.arrears.application.PolicyVersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.hibernate.Session;

/** {@link PolicyVersionStore} on {@code policy_version}: the first sighting of a version wins. */
@ApplicationScoped
public class JpaPolicyVersionStore implements PolicyVersionStore {

    private static final String INSERT = """
            insert into policy_version (policy_id, version, source_path, content, first_seen_at)
            values (:policyId, :version, :source, :content, :now)
            on conflict (policy_id, version) do nothing""";

    private final EntityManager em;
    private final Clock clock;

    JpaPolicyVersionStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean record(PolicyVersionRecord version) {
        return em.unwrap(Session.class).createNativeMutationQuery(INSERT)
                .setParameter("policyId", version.policyId())
                .setParameter("version", version.version())
                .setParameter("source", version.sourcePath())
                .setParameter("content", version.content())
                .setParameter("now", clock.instant())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public Optional<PolicyVersionRecord> find(String policyId, String version) {
        return em.createQuery("from PolicyVersionEntity where policyId = :policyId and version = :version",
                        PolicyVersionEntity.class)
                .setParameter("policyId", policyId)
                .setParameter("version", version)
                .getResultStream().findFirst()
                .map(row -> new PolicyVersionRecord(row.policyId, row.version, row.sourcePath, row.content));
    }
}
