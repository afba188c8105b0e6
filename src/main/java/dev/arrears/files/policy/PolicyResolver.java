package dev.arrears.files.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.application.policy.EffectivePolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policy inheritance: the firm default ({@code policies/default.yaml}, id {@value #FIRM_DEFAULT}),
 * organisation overrides ({@code policies/organisations/*.yaml}, each {@code extends} a full policy)
 * and customer overrides ({@code policies/customers/*.yaml}, by customer group or by customer ids).
 * An invoice's policy is the firm default (or what its organisation's override extends), then the
 * organisation's override, then its customer group's, then its customer's.
 *
 * <p>Every combination that can occur is merged and checked when loading, so a bad override stops
 * start-up rather than the cycle of the one customer it is about.
 */
public final class PolicyResolver implements EffectivePolicies {

    public static final String FIRM_DEFAULT = "default";
    public static final String ORGANISATIONS = "organisations";
    public static final String CUSTOMERS = "customers";

    private final Map<String, PolicyLayer> bases;
    private final List<PolicyLayer> organisations;
    private final List<PolicyLayer> customers;
    private final PolicyMerger merger;
    private final Map<List<String>, EffectivePolicy> merged = new ConcurrentHashMap<>();
    /** Each file's text as read at start-up, so a policy version's record holds what was decided under. */
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    /** Of every file's text: a decide made under another fingerprint is made again for every invoice. */
    private final String fingerprint;

    private PolicyResolver(Map<String, PolicyLayer> bases, List<PolicyLayer> organisations, List<PolicyLayer> customers, PolicyMerger merger,
                           PolicyTexts sources) {
        this.bases = Map.copyOf(bases);
        this.organisations = List.copyOf(organisations);
        this.customers = List.copyOf(customers);
        this.merger = merger;
        sources.byName().forEach((name, text) -> texts.put(sources.fileOf(name), text));
        this.fingerprint = fingerprintOf(texts);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(Map<String, String> texts) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            new java.util.TreeMap<>(texts).forEach((file, text) -> {
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String textOf(EffectivePolicy policy) {
        StringBuilder text = new StringBuilder();
        for (String file : policy.files()) {
            text.append("# ---- ").append(file).append(" ----\n").append(texts.getOrDefault(file, "(not loaded)\n"));
            if (text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Loads the override folders of {@code directory} on top of the already checked {@code catalog},
     * or throws with every problem found.
     */
    public static PolicyResolver load(Path directory, PolicyCatalog catalog, PolicyFileLoader loader) {
        return of(PolicyTexts.read(directory), catalog, loader);
    }

    /** The overrides of a set of texts on top of its already checked {@code catalog}, or throws with every problem found. */
    public static PolicyResolver of(PolicyTexts texts, PolicyCatalog catalog, PolicyFileLoader loader) {
        List<PolicyProblem> problems = new ArrayList<>();
        OverrideFileReader reader = new OverrideFileReader(loader);
        Map<String, PolicyLayer> bases = new LinkedHashMap<>();
        Map<String, byte[]> full = new java.util.HashMap<>();
        texts.full().forEach(text -> full.put(text.file(), text.bytes()));
        catalog.all().forEach(policy -> reader.base(policy.source(), full.get(policy.source()), problems)
                .ifPresent(layer -> bases.put(policy.id(), layer)));
        List<PolicyLayer> organisations = layers(texts.organisations(), PolicyLayer.Kind.ORGANISATION, reader, problems);
        List<PolicyLayer> customers = layers(texts.customers(), PolicyLayer.Kind.CUSTOMER, reader, problems);
        PolicyResolver resolver = new PolicyResolver(bases, organisations, customers, new PolicyMerger(loader), texts);
        // Clashes are checked among the files that could be read; merging waits until every file is right,
        // so the accountant is not shown the same mistake once per combination.
        resolver.checkClashes(problems);
        if (problems.isEmpty()) {
            resolver.checkEveryChain(problems);
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigurationException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return resolver;
    }

    private static List<PolicyLayer> layers(List<PolicyTexts.Text> files, PolicyLayer.Kind kind, OverrideFileReader reader, List<PolicyProblem> problems) {
        List<PolicyLayer> layers = new ArrayList<>();
        for (PolicyTexts.Text file : files) {
            reader.read(file.file(), file.bytes(), kind, problems).ifPresent(layers::add);
        }
        return layers;
    }

    /**
     * The organisation an override file is about (a customer override's only when it names one); empty
     * for a full policy and for a customer override of every organisation.
     */
    Optional<OrganisationSelector> scopeOf(String file) {
        return java.util.stream.Stream.concat(organisations.stream(), customers.stream())
                .filter(layer -> layer.file().equals(file)).findFirst().flatMap(PolicyLayer::organisation);
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String customerId, Optional<String> customerGroup) {
        return resolve(organisation, FIRM_DEFAULT, customerId, customerGroup);
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String basePolicyId, String customerId,
                                   Optional<String> customerGroup) {
        Optional<PolicyLayer> organisationLayer = single(organisations.stream().filter(o -> o.organisation().orElseThrow().matches(organisation)).toList(),
                "organisation " + organisation.id());
        List<PolicyLayer> chain = new ArrayList<>();
        chain.add(base(organisationLayer, basePolicyId));
        organisationLayer.ifPresent(chain::add);
        List<PolicyLayer> forOrganisation = customers.stream()
                .filter(c -> c.organisation().map(s -> s.matches(organisation)).orElse(true)).toList();
        customerGroup.ifPresent(group -> single(forOrganisation.stream().filter(c -> c.customerGroup()
                .map(g -> g.equalsIgnoreCase(group.trim())).orElse(false)).toList(), "customer group '" + group + "'").ifPresent(chain::add));
        single(forOrganisation.stream().filter(c -> c.customers().contains(customerId)).toList(), "customer '" + customerId + "'")
                .ifPresent(chain::add);
        return merged(chain);
    }

    private PolicyLayer base(Optional<PolicyLayer> organisationLayer) {
        return base(organisationLayer, FIRM_DEFAULT);
    }

    /**
     * The policy a chain starts from: with an organisation override, the policy it {@code extends}
     * (the firm default when it names none); without one, the organisation's own policy id.
     */
    private PolicyLayer base(Optional<PolicyLayer> organisationLayer, String basePolicyId) {
        String id = organisationLayer.isPresent() ? organisationLayer.get().extendsId().orElse(FIRM_DEFAULT) : basePolicyId;
        PolicyLayer base = bases.get(id);
        if (base == null) {
            throw new IllegalStateException("there is no policy with id '" + id + "' in the policies folder to build on");
        }
        return base;
    }

    private EffectivePolicy merged(List<PolicyLayer> chain) {
        return merged.computeIfAbsent(chain.stream().map(PolicyLayer::file).toList(), files -> {
            List<PolicyProblem> problems = new ArrayList<>();
            return merger.merge(chain, problems).orElseThrow(() -> new PolicyConfigurationException(problems));
        });
    }

    /** Only clashes that can be seen in the files; one file by id and one by tenant for the same organisation show at resolve time. */
    private static Optional<PolicyLayer> single(List<PolicyLayer> matching, String what) {
        if (matching.size() > 1) {
            throw new IllegalStateException(what + " is named by more than one override: "
                    + matching.stream().map(PolicyLayer::file).toList() + "; keep one");
        }
        return matching.stream().findFirst();
    }

    private void checkClashes(List<PolicyProblem> problems) {
        for (int i = 0; i < organisations.size(); i++) {
            PolicyLayer layer = organisations.get(i);
            layer.extendsId().filter(id -> !bases.containsKey(id)).ifPresent(id -> problems.add(new PolicyProblem(layer.file(), "extends",
                    "'" + id + "' is not a policy in the policies folder; expected one of: " + String.join(", ", bases.keySet()))));
            for (PolicyLayer earlier : organisations.subList(0, i)) {
                if (earlier.organisation().orElseThrow().sameAs(layer.organisation().orElseThrow())) {
                    problems.add(new PolicyProblem(layer.file(), "applies_to", "is about " + layer.organisation().get().describe()
                            + ", like " + earlier.file() + "; expected one override per organisation"));
                }
            }
        }
        if (!bases.containsKey(FIRM_DEFAULT) && (!organisations.isEmpty() || !customers.isEmpty())) {
            String where = customers.isEmpty() ? organisations.getFirst().file() : customers.getFirst().file();
            if (organisations.stream().anyMatch(o -> o.extendsId().isEmpty()) || !customers.isEmpty()) {
                problems.add(new PolicyProblem(where, "", "builds on the firm default, but no policy has the id '" + FIRM_DEFAULT
                        + "'; expected a policy file with id: " + FIRM_DEFAULT + " (or extends: <policy id> in every organisation override)"));
            }
        }
        for (int i = 0; i < customers.size(); i++) {
            PolicyLayer layer = customers.get(i);
            for (PolicyLayer earlier : customers.subList(0, i)) {
                if (!layer.sameScopeAs(earlier)) {
                    continue;
                }
                layer.customers().stream().filter(earlier.customers()::contains).findFirst().ifPresent(customer -> problems.add(new PolicyProblem(
                        layer.file(), "applies_to.customers", "'" + customer + "' is also named by " + earlier.file()
                        + "; expected each customer in one customer override")));
                if (layer.customerGroup().isPresent() && earlier.customerGroup().isPresent()
                        && layer.customerGroup().get().equalsIgnoreCase(earlier.customerGroup().get())) {
                    problems.add(new PolicyProblem(layer.file(), "applies_to.customer_group", "'" + layer.customerGroup().get()
                            + "' is also the group of " + earlier.file() + "; expected each group in one customer override"));
                }
            }
        }
    }

    /** Merges every chain that can occur: each organisation level with each group and customer file that can apply to it. */
    private void checkEveryChain(List<PolicyProblem> problems) {
        List<Optional<PolicyLayer>> levels = new ArrayList<>();
        if (bases.containsKey(FIRM_DEFAULT)) {
            levels.add(Optional.empty());
        }
        organisations.forEach(o -> levels.add(Optional.of(o)));
        List<java.util.Map.Entry<Optional<PolicyLayer>, String>> starts = new ArrayList<>();
        levels.forEach(level -> starts.add(java.util.Map.entry(level, FIRM_DEFAULT)));
        // An organisation without an override file starts from its own policy id: every policy may start a chain.
        bases.keySet().stream().filter(id -> !id.equals(FIRM_DEFAULT))
                .forEach(id -> starts.add(java.util.Map.entry(Optional.empty(), id)));
        for (var startAt : starts) {
            Optional<PolicyLayer> level = startAt.getKey();
            List<PolicyLayer> start = new ArrayList<>();
            start.add(base(level, startAt.getValue()));
            level.ifPresent(start::add);
            List<PolicyLayer> applicable = customers.stream().filter(c -> applies(c, level)).toList();
            List<List<PolicyLayer>> chains = new ArrayList<>();
            chains.add(start);
            for (PolicyLayer group : applicable.stream().filter(PolicyLayer::forGroup).toList()) {
                chains.add(with(start, group));
                applicable.stream().filter(c -> !c.forGroup()).forEach(c -> chains.add(with(with(start, group), c)));
            }
            applicable.stream().filter(c -> !c.forGroup()).forEach(c -> chains.add(with(start, c)));
            for (List<PolicyLayer> chain : chains) {
                merger.merge(chain, problems).ifPresent(policy -> merged.put(chain.stream().map(PolicyLayer::file).toList(), policy));
            }
        }
    }

    /** A customer file applies on top of an organisation level when it names no organisation, or that one. */
    private boolean applies(PolicyLayer customer, Optional<PolicyLayer> level) {
        if (customer.organisation().isEmpty()) {
            return true;
        }
        if (level.isPresent()) {
            return customer.organisation().get().sameAs(level.get().organisation().orElseThrow());
        }
        // The firm-default level: for organisations without an override of their own.
        return organisations.stream().noneMatch(o -> o.organisation().orElseThrow().sameAs(customer.organisation().get()));
    }

    private static List<PolicyLayer> with(List<PolicyLayer> chain, PolicyLayer layer) {
        List<PolicyLayer> longer = new ArrayList<>(chain);
        longer.add(layer);
        return longer;
    }
}
