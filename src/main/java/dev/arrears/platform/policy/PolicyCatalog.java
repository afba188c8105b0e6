package dev.arrears.platform.policy;

import dev.arrears.application.PolicyRepository;
import dev.arrears.domain.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

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
        String dir = directory.toString();
        if (!Files.isDirectory(directory)) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(dir, "",
                    "is not a directory (looked in " + directory.toAbsolutePath().normalize()
                            + "); expected the folder holding the policy files, set with arrears.policies.dir")));
        }
        List<Path> files = policyFiles(directory);
        if (files.isEmpty()) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(dir, "",
                    "holds no policy files; expected at least one file ending in .yaml, such as default.yaml")));
        }
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, Policy> byId = new TreeMap<>();
        for (Path file : files) {
            try {
                Policy policy = loader.load(file);
                Policy earlier = byId.putIfAbsent(policy.id(), policy);
                if (earlier != null) {
                    problems.add(new PolicyProblem(file.toString(), "id", "'" + policy.id() + "' is already the id of "
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

    private static List<Path> policyFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(directory.toString(), "",
                    "cannot be listed (" + e.getMessage() + ")")));
        }
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
