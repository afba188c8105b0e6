package dev.arrears.files.policy;

import dev.arrears.application.PolicyRepository;
import dev.arrears.domain.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every policy in a directory, one per {@code *.yaml} (or {@code *.yml}) file. Loading is all or
 * nothing: one bad file, or two files with the same policy id, and nothing is used, because
 * chasing customers under half a configuration is worse than not starting.
 */
public final class PolicyCatalog implements PolicyRepository {

    private final Map<String, Policy> byId;

    private PolicyCatalog(Map<String, Policy> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** Loads every policy file under {@code directory}, or throws with the problems of all files together. */
    public static PolicyCatalog load(Path directory, PolicyFileLoader loader) {
        return of(PolicyTexts.read(directory), loader);
    }

    /** The full policies of a set of texts, or throws with the problems of all of them together. */
    public static PolicyCatalog of(PolicyTexts texts, PolicyFileLoader loader) {
        List<PolicyTexts.Text> files = texts.full();
        if (files.isEmpty()) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(texts.folder(), "",
                    "holds no policy files; expected at least one file ending in .yaml, such as default.yaml")));
        }
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, Policy> byId = new TreeMap<>();
        for (PolicyTexts.Text file : files) {
            try {
                Policy policy = loader.load(file.file(), file.bytes());
                Policy earlier = byId.putIfAbsent(policy.id(), policy);
                if (earlier != null) {
                    problems.add(new PolicyProblem(file.file(), "id", "'" + policy.id() + "' is already the id of "
                            + earlier.source() + "; expected a different id in each policy file"));
                }
            } catch (PolicyConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigurationException(problems);
        }
        return new PolicyCatalog(byId);
    }

    @Override
    public Optional<Policy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Policy> all() {
        return byId.values().stream().sorted(Comparator.comparing(Policy::id)).toList();
    }
}
