package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.ReminderChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's {@code channel} overrides the organisation's channel for its reminders. */
class StageChannelTest {

    @TempDir
    Path dir;

    private final PolicyFileLoader loader = new PolicyFileLoader();

    @Test
    void a_stage_names_its_channel_and_the_others_take_the_organisations() throws IOException {
        Policy policy = loader.load(write("""
                id: mixed
                stages:
                  - name: Overdue notice
                    day: 1
                    actions:
                      - reminder: overdue
                  - name: Final notice
                    day: 14
                    channel: ledger
                    actions:
                      - reminder: final
                """));
        assertThat(policy.stage("Overdue notice").orElseThrow().channel()).isEmpty();
        assertThat(policy.stage("Final notice").orElseThrow().channel()).isEqualTo(Optional.of(ReminderChannel.LEDGER));
    }

    @Test
    void an_unknown_channel_is_refused_at_its_field() throws IOException {
        Path file = write("""
                id: typo
                stages:
                  - name: Overdue notice
                    day: 1
                    channel: fax
                    actions:
                      - reminder: overdue
                """);
        assertThatThrownBy(() -> loader.load(file))
                .hasMessageContaining("stages[0].channel")
                .hasMessageContaining("'fax' is not a channel; expected email or ledger");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
