package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.StartupEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStartupCheckTest {

    @TempDir
    Path dir;

    @Test
    void aBadPolicyStopsStartUpWithTheFullMessage() throws IOException {
        Files.writeString(dir.resolve("default.yaml"), "id: default\nstages:\n  - { name: A, day: x, actions: [] }\n");
        PolicyStartupCheck check = new PolicyStartupCheck(dir, new PolicyFileLoader());

        assertThatThrownBy(() -> check.onStart(new StartupEvent()))
                .isInstanceOf(PolicyConfigurationException.class)
                .hasMessageContaining(dir.resolve("default.yaml") + ": stages[0].day: expected a whole number")
                .hasMessageContaining(dir.resolve("default.yaml") + ": stages[0].actions: a stage needs at least one action");
    }

    @Test
    void aMissingDirectoryStopsStartUp() {
        PolicyStartupCheck check = new PolicyStartupCheck(dir.resolve("absent"), new PolicyFileLoader());

        assertThatThrownBy(() -> check.onStart(new StartupEvent())).hasMessageContaining("is not a directory");
    }

    @Test
    void theConfiguredDefaultFolderIsUsableFromTheModuleRoot() {
        PolicyStartupCheck check = new PolicyStartupCheck(() -> "config/policies");

        check.onStart(new StartupEvent());

        assertThat(check.check().find("default")).isPresent();
    }
}
