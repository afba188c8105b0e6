package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCatalogTest {

    private static final String GOOD = """
            id: %s
            stages:
              - { name: Overdue, day: 1, actions: [ { reminder: overdue } ] }
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryYamlFileOfTheDirectory() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), GOOD.formatted("strict"));
        Files.writeString(dir.resolve("a.yml"), GOOD.formatted("gentle"));
        Files.writeString(dir.resolve("notes.txt"), "not a policy");

        PolicyCatalog catalog = PolicyCatalog.load(dir, new PolicyFileLoader());

        assertThat(catalog.all()).extracting(Policy::id).containsExactly("gentle", "strict");
        assertThat(catalog.find("strict")).get().extracting(Policy::source).isEqualTo(dir.resolve("b.yaml").toString());
        assertThat(catalog.find("missing")).isEmpty();
    }

    @Test
    void theShippedFolderLoads() {
        assertThat(PolicyCatalog.load(Path.of("config/policies"), new PolicyFileLoader()).find("default")).isPresent();
    }

    @Test
    void collectsProblemsOfAllFilesAndDuplicateIdsAcrossFiles() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), GOOD.formatted("same"));
        Files.writeString(dir.resolve("b.yaml"), GOOD.formatted("same"));
        Files.writeString(dir.resolve("c.yaml"), "id: broken\nstages: []\n");
        Files.writeString(dir.resolve("d.yaml"), "id: other\nstage: []\n");

        assertThatThrownBy(() -> PolicyCatalog.load(dir, new PolicyFileLoader()))
                .isInstanceOf(PolicyConfigurationException.class)
                .hasMessageStartingWith("Follow-up policies cannot be used: 4 problems in 3 files")
                .hasMessageContaining(dir.resolve("b.yaml") + ": id: 'same' is already the id of " + dir.resolve("a.yaml"))
                .hasMessageContaining(dir.resolve("c.yaml") + ": stages: a policy needs at least one stage")
                .hasMessageContaining(dir.resolve("d.yaml") + ": stage: unknown field; did you mean 'stages'?")
                .hasMessageContaining(dir.resolve("d.yaml") + ": stages: is required");
    }

    @Test
    void aMissingOrEmptyDirectoryIsAnError() throws IOException {
        Path missing = dir.resolve("nowhere");
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> PolicyCatalog.load(missing, new PolicyFileLoader()))
                .hasMessageContaining(missing + ": is not a directory")
                .hasMessageContaining("arrears.policies.dir");
        assertThatThrownBy(() -> PolicyCatalog.load(empty, new PolicyFileLoader()))
                .hasMessageContaining(empty + ": holds no policy files");
    }
}
