package dev.arrears.files.policy;

import dev.arrears.application.policy.ConfigProblem;
import dev.arrears.application.policy.PolicyBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Builds policy sets from texts with the start-up loader: the same readers, the same references
 * (templates, statutory presets) and the same messages, whether the text came from a file or the
 * console's editor.
 */
final class TextPolicyBuilder implements PolicyBuilder {

    private final String folder;
    private final PolicyFileLoader loader;

    TextPolicyBuilder(String folder, PolicyFileLoader loader) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public Result build(Map<String, String> texts) {
        try {
            return new Usable(checked(new PolicyTexts(folder, texts)));
        } catch (PolicyConfigurationException e) {
            return new Refused(e.problems().stream().map(PolicyProblem::toConfigProblem).toList());
        } catch (IllegalStateException e) {
            // A clash only a merge can see (one organisation named by id in one override and by tenant in another).
            return new Refused(java.util.List.of(new ConfigProblem(folder, "", e.getMessage())));
        }
    }

    CheckedPolicySet checked(PolicyTexts texts) {
        return CheckedPolicySet.of(texts, loader);
    }

    @Override
    public String fileOf(String name) {
        return new PolicyTexts(folder, Map.of()).fileOf(name);
    }

    @Override
    public boolean usableName(String name) {
        return PolicyTexts.usableName(name);
    }

    @Override
    public String hashOf(String content) {
        return PolicyFileLoader.version(content.getBytes(StandardCharsets.UTF_8));
    }
}
