package dev.arrears.persistence;

import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link PolicyDocuments} on {@code policy_document}: one row per version, never changed (a trigger
 * refuses updates and deletes). Saves of one document are serialised by a transaction-scoped advisory
 * lock on its name, so two people saving at once get versions n and n+1, or a clear refusal.
 */
@ApplicationScoped
public class JpaPolicyDocuments implements PolicyDocuments {

    private static final String COLUMNS = "name, version, content, content_hash, origin, saved_by, "
            + "cast(extract(epoch from saved_at) * 1000000 as bigint)";

    private final EntityManager em;
    private final Clock clock;

    JpaPolicyDocuments(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<PolicyDocument> current() {
        return SqlRows.rows(em.createNativeQuery("select distinct on (name) " + COLUMNS
                + " from policy_document order by name, version desc")).stream().map(JpaPolicyDocuments::document).toList();
    }

    @Override
    @Transactional
    public long revision() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from policy_document").getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public List<PolicyDocument> history(String name) {
        return SqlRows.rows(em.createNativeQuery("select " + COLUMNS + " from policy_document where name = :name order by version desc")
                .setParameter("name", name)).stream().map(JpaPolicyDocuments::document).toList();
    }

    @Override
    @Transactional
    public Optional<PolicyDocument> find(String name, int version) {
        return SqlRows.rows(em.createNativeQuery("select " + COLUMNS + " from policy_document where name = :name and version = :version")
                .setParameter("name", name).setParameter("version", version)).stream().map(JpaPolicyDocuments::document).findFirst();
    }

    @Override
    @Transactional
    public Optional<PolicyDocument> save(NewVersion next, Optional<Integer> expectedLatest) {
        lock(next.name());
        Optional<PolicyDocument> latest = history(next.name()).stream().findFirst();
        int latestVersion = latest.map(PolicyDocument::version).orElse(0);
        if (expectedLatest.isPresent() && expectedLatest.get() != latestVersion) {
            throw new IllegalStateException(next.name() + " was saved by " + latest.map(PolicyDocument::savedBy).orElse("someone")
                    + " (version " + latestVersion + ") after you opened version " + expectedLatest.get()
                    + "; open the latest version and make your change again");
        }
        if (latest.isPresent() && latest.get().content().equals(next.content())) {
            return Optional.empty();
        }
        return Optional.of(insert(next, latestVersion + 1));
    }

    @Override
    @Transactional
    public Optional<PolicyDocument> seed(NewVersion fromFile) {
        lock(fromFile.name());
        List<PolicyDocument> versions = history(fromFile.name());
        Optional<PolicyDocument> lastRead = versions.stream().filter(d -> d.origin() == PolicyDocument.Origin.FILE).findFirst();
        if (lastRead.isPresent() && lastRead.get().content().equals(fromFile.content())) {
            return Optional.empty();
        }
        if (!versions.isEmpty() && versions.getFirst().content().equals(fromFile.content())) {
            return Optional.empty();
        }
        return Optional.of(insert(fromFile, versions.isEmpty() ? 1 : versions.getFirst().version() + 1));
    }

    private void lock(String name) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('policy_document:' || :name))")
                .setParameter("name", name).getSingleResult();
    }

    private PolicyDocument insert(NewVersion next, int version) {
        // Microseconds, as PostgreSQL keeps them, so the returned version equals what is read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into policy_document (name, version, content, content_hash, origin, saved_by, saved_at) "
                        + "values (:name, :version, :content, :hash, :origin, :savedBy, :savedAt)")
                .setParameter("name", next.name()).setParameter("version", version).setParameter("content", next.content())
                .setParameter("hash", next.contentHash()).setParameter("origin", next.origin().name())
                .setParameter("savedBy", next.savedBy()).setParameter("savedAt", now)
                .executeUpdate();
        return new PolicyDocument(next.name(), version, next.content(), next.contentHash(), next.origin(), next.savedBy(), now);
    }

    private static PolicyDocument document(Object[] row) {
        long micros = ((Number) row[6]).longValue();
        return new PolicyDocument((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                PolicyDocument.Origin.valueOf((String) row[4]), (String) row[5],
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }
}
