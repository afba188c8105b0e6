package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.PolicyVersionRecord;
import dev.arrears.application.PolicyVersionStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyVersionStoreTest {

    @Inject
    PolicyVersionStore versions;

    @Test
    void recording_a_version_is_idempotent_and_the_first_text_is_kept() {
        String hash = "sha256:" + UUID.randomUUID();
        PolicyVersionRecord first = new PolicyVersionRecord("default", hash, "config/policies/default.yaml", "stages: []\n");

        assertThat(versions.record(first)).isTrue();
        assertThat(versions.record(first)).isFalse();
        assertThat(versions.record(new PolicyVersionRecord("default", hash, "elsewhere.yaml", "other"))).isFalse();

        assertThat(versions.find("default", hash)).contains(first);
        assertThat(versions.find("default", "sha256:unknown")).isEmpty();
    }
}
