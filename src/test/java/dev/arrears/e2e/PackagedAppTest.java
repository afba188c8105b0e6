package dev.arrears.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedAppTest {

    @Test
    void aMissingPackagedApplicationFailsTheProcessLevelTestsInsteadOfSkippingThem(@TempDir Path dir) {
        Path missing = dir.resolve("quarkus-app/quarkus-run.jar");

        assertThatThrownBy(() -> PackagedApp.requirePackaged(missing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("quarkus-run.jar is missing")
                .hasMessageContaining("package the application first");
    }

    @Test
    void aPackagedApplicationLetsThemRun(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("quarkus-run.jar"));

        assertThatCode(() -> PackagedApp.requirePackaged(jar)).doesNotThrowAnyException();
    }
}
