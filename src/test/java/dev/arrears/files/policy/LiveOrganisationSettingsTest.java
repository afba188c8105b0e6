package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.policy.DocumentVersions;
import dev.arrears.application.policy.OrganisationSettingsDocuments;
import dev.arrears.application.policy.PolicyDocument;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings files seed the database at start-up: a file that changed since it was last read becomes
 * the next version, an unchanged file does not undo what was saved in the console since, and a wrong
 * file stops start-up naming its field.
 */
@QuarkusTest
class LiveOrganisationSettingsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    OrganisationSettingsDocuments documents;

    @TempDir
    Path folder;

    @Test
    void the_file_wins_when_it_changed_and_a_console_edit_survives_a_restart_otherwise() throws Exception {
        OrganisationId org = OrganisationId.random();
        OrganisationKey key = new OrganisationKey(org, LedgerProvider.XERO, "");
        String name = "seed-" + org + ".yaml";
        Files.writeString(folder.resolve(name), text(org, "10:00"));

        LiveOrganisationSettings started = new LiveOrganisationSettings(folder, documents);
        started.seed();
        assertThat(documents.history(name)).singleElement().satisfies(v -> {
            assertThat(v.origin()).isEqualTo(PolicyDocument.Origin.FILE);
            assertThat(v.savedBy()).isEqualTo("file " + folder.resolve(name));
        });
        assertThat(started.rulesFor(key, LONDON, "GB").contact().window().start()).isEqualTo(LocalTime.of(10, 0));

        documents.save(new DocumentVersions.NewVersion(name, text(org, "11:00"), LiveDocuments.hashOf(text(org, "11:00")),
                PolicyDocument.Origin.CONSOLE, "jo"), Optional.of(1));
        assertThat(started.rulesFor(key, LONDON, "GB").contact().window().start()).as("no restart").isEqualTo(LocalTime.of(11, 0));

        LiveOrganisationSettings restarted = new LiveOrganisationSettings(folder, documents);
        restarted.seed();
        assertThat(restarted.rulesFor(key, LONDON, "GB").contact().window().start()).isEqualTo(LocalTime.of(11, 0));
        assertThat(documents.history(name)).hasSize(2);

        Files.writeString(folder.resolve(name), text(org, "12:00"));
        LiveOrganisationSettings changedFile = new LiveOrganisationSettings(folder, documents);
        changedFile.seed();
        assertThat(documents.history(name).getFirst().version()).isEqualTo(3);
        assertThat(changedFile.rulesFor(key, LONDON, "GB").contact().window().start()).isEqualTo(LocalTime.of(12, 0));
    }

    @Test
    void a_wrong_file_stops_start_up_naming_file_and_field_and_nothing_of_it_is_kept() throws Exception {
        OrganisationId org = OrganisationId.random();
        String name = "wrong-" + org + ".yaml";
        Files.writeString(folder.resolve(name), text(org, "10:00").replace("Europe/London", "Mars/Olympus"));

        assertThatThrownBy(() -> new LiveOrganisationSettings(folder, documents).seed())
                .isInstanceOf(PolicyConfigurationException.class)
                .hasMessageContaining(folder.resolve(name) + ": send_rules.window.zone: 'Mars/Olympus' is not a time zone");
        assertThat(documents.history(name)).isEmpty();
    }

    private static String text(OrganisationId org, String from) {
        return """
                organisation: %s
                send_rules:
                  window: { from: "%s", until: "17:00", zone: Europe/London }
                  max_contacts_per_7_days: none
                """.formatted(org, from);
    }
}
