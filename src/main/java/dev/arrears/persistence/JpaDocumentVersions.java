package dev.arrears.persistence;

import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.DocumentVersions;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link DocumentVersions} of one kind on {@code policy_document}: one row per version, never changed
 * (a trigger refuses updates and deletes). Saves of one document are serialised by a transaction-scoped
 * advisory lock on its kind and name, so two people saving at once get versions n and n+1, or a clear
 * refusal. The adapters of the three ports ({@link JpaPolicyDocuments}, {@link JpaOrganisationSettingsDocuments},
 * {@link JpaTemplateDocuments}) are this class with their kind.
 */
abstract class JpaDocumentVersions implements DocumentVersions {

    private static final String COLUMNS = "name, version, content, content_hash, origin, saved_by, "
            + "cast(extract(epoch from saved_at) * 1000000 as bigint)";

    private final EntityManager em;
    private final Clock clock;
    private final String kind;

    /** For the client proxies of the application-scoped adapters only. */
    protected JpaDocumentVersions() {
        this(null, null, null);
    }

    JpaDocumentVersions(EntityManager em, Clock clock, String kind) {
        this.em = em;
        this.clock = clock;
        this.kind = kind;
    }

    @Override
    @Transactional
    public List<PolicyDocument> current() {
        return SqlRows.rows(em.createNativeQuery("select distinct on (name) " + COLUMNS
                + " from policy_document where kind = :kind order by name, version desc").setParameter("kind", kind)).stream().map(JpaDocumentVersions::document).toList();
    }

    @Override
    @Transactional
    public long revision() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from policy_document where kind = :kind")
                .setParameter("kind", kind).getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public List<PolicyDocument> history(String name) {
        return SqlRows.rows(em.createNativeQuery("select " + COLUMNS + " from policy_document where kind = :kind and name = :name order by version desc")
                .setParameter("kind", kind).setParameter("name", name)).stream().map(JpaDocumentVersions::document).toList();
    }

    @Override
    @Transactional
    public Optional<PolicyDocument> find(String name, int version) {
        return SqlRows.rows(em.createNativeQuery("select " + COLUMNS + " from policy_document where kind = :kind and name = :name and version = :version")
                .setParameter("kind", kind).setParameter("name", name).setParameter("version", version)).stream().map(JpaDocumentVersions::document).findFirst();
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
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('policy_document:' || :kind || ':' || :name))")
                .setParameter("kind", kind).setParameter("name", name).getSingleResult();
    }

    private PolicyDocument insert(NewVersion next, int version) {
        // Microseconds, as PostgreSQL keeps them, so the returned version equals what is read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into policy_document (kind, name, version, content, content_hash, origin, saved_by, saved_at) "
                        + "values (:kind, :name, :version, :content, :hash, :origin, :savedBy, :savedAt)")
                .setParameter("kind", kind).setParameter("name", next.name()).setParameter("version", version).setParameter("content", next.content())
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
