package dev.arrears.files.statutory;

import dev.arrears.domain.statutory.StatutoryPresets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the presets injectable. The policy start-up check injects them (fee rules name presets with
 * {@code statutory_interest: uk}), so a broken table stops start-up with the loader's message.
 */
@ApplicationScoped
public class StatutoryPresetsProducer {

    @Produces
    @Singleton
    StatutoryPresets statutoryPresets(StatutoryConfig settings) {
        return new StatutoryPresetLoader().load(Path.of(settings.dir()));
    }
}
