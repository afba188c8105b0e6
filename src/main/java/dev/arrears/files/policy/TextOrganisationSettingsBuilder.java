package dev.arrears.files.policy;

import dev.arrears.application.policy.ConfigProblem;
import dev.arrears.application.policy.OrganisationSettingsBuilder;
import dev.arrears.application.policy.PolicySet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Checks organisation settings texts with the start-up reader: the same fields, the same messages. */
final class TextOrganisationSettingsBuilder implements OrganisationSettingsBuilder {

    private final String folder;

    TextOrganisationSettingsBuilder(String folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    OrganisationSettingsCatalog catalog(Map<String, String> texts) {
        return OrganisationSettingsCatalog.fromTexts(folder, texts);
    }

    @Override
    public List<ConfigProblem> problems(Map<String, String> texts) {
        try {
            catalog(texts);
            return List.of();
        } catch (PolicyConfigurationException e) {
            return e.problems().stream().map(PolicyProblem::toConfigProblem).toList();
        }
    }

    @Override
    public Optional<PolicySet.OrganisationMatch> scopeOf(String name, String content) {
        try {
            return catalog(Map.of(name, content)).selectorOf(fileOf(name)).map(PolicySet.OrganisationMatch.class::cast);
        } catch (PolicyConfigurationException e) {
            return Optional.empty();
        }
    }

    @Override
    public String fileOf(String name) {
        return OrganisationSettingsCatalog.fileOf(folder, name);
    }

    @Override
    public boolean usableName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.ya?ml");
    }

    @Override
    public String hashOf(String content) {
        return PolicyFileLoader.version(content.getBytes(StandardCharsets.UTF_8));
    }
}
