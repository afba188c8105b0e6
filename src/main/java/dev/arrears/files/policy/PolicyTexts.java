package dev.arrears.files.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The texts of a whole set of policies, wherever they are kept: full policies, organisation overrides
 * ({@code organisations/<name>.yaml}) and customer overrides ({@code customers/<name>.yaml}). Each
 * text is named as its problems name it: the folder's label and the document's name, so
 * {@code config/policies/organisations/northwind.yaml} whether it was read from that file or from
 * the database it seeded.
 *
 * @param byName every text by its name relative to the policies folder ({@code default.yaml},
 *               {@code organisations/northwind.yaml})
 */
public record PolicyTexts(String folder, Map<String, String> byName) {

    /** One text, named for its problems. */
    public record Text(String file, byte[] bytes) {
    }

    public PolicyTexts {
        Objects.requireNonNull(folder, "folder");
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** The texts of a folder and its {@code organisations/} and {@code customers/} sub-folders. */
    public static PolicyTexts read(Path directory) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(directory.toString(), "",
                    "is not a directory (looked in " + directory.toAbsolutePath().normalize()
                            + "); expected the folder holding the policy files, set with arrears.policies.dir")));
        }
        readFolder(directory, "", texts, problems);
        for (String sub : List.of(PolicyResolver.ORGANISATIONS, PolicyResolver.CUSTOMERS)) {
            if (Files.isDirectory(directory.resolve(sub))) {
                readFolder(directory.resolve(sub), sub + "/", texts, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigurationException(problems);
        }
        return new PolicyTexts(directory.toString(), texts);
    }

    private static void readFolder(Path folder, String prefix, Map<String, String> texts, List<PolicyProblem> problems) {
        for (Path file : OrganisationSettingsCatalog.yamlFiles(folder, problems)) {
            try {
                texts.put(prefix + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                problems.add(new PolicyProblem(file.toString(), "", "cannot be read (" + e.getMessage() + ")"));
            }
        }
    }

    /** Whether {@code name} is a name a policy document may have: a YAML file at the top, or in one of the two override folders. */
    public static boolean usableName(String name) {
        return name != null && name.matches("((" + PolicyResolver.ORGANISATIONS + "|" + PolicyResolver.CUSTOMERS
                + ")/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ya?ml");
    }

    /** The label problems name a document by: the folder and the name. */
    public String fileOf(String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    List<Text> full() {
        return texts(name -> !name.contains("/"));
    }

    List<Text> organisations() {
        return texts(name -> name.startsWith(PolicyResolver.ORGANISATIONS + "/"));
    }

    List<Text> customers() {
        return texts(name -> name.startsWith(PolicyResolver.CUSTOMERS + "/"));
    }

    private List<Text> texts(java.util.function.Predicate<String> which) {
        return byName.entrySet().stream().filter(e -> which.test(e.getKey()))
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new Text(fileOf(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
    }

    /** The same set with one document replaced or added: what the set would be if it were saved. */
    public PolicyTexts with(String name, String content) {
        Map<String, String> changed = new TreeMap<>(byName);
        changed.put(name, content);
        return new PolicyTexts(folder, changed);
    }
}
