package dev.arrears.files.policy;

import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.files.statutory.StatutoryConfigException;
import dev.arrears.files.statutory.StatutoryPresetLoader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a policy file's {@code statutory_interest: uk} finds its preset. The daemon hands over the
 * presets it loaded at start-up (so a broken rate table has already stopped it, with file, line and
 * field); a loader made on its own (the forecast command) reads the default folder the first time a
 * policy names a preset, and reports a broken table as a problem of that policy field.
 */
sealed interface StatutoryPresetSource {

    /** The presets, or empty after reporting why they cannot be used at {@code field}. */
    Optional<StatutoryPresets> presets(YamlFields fields, String field);

    static StatutoryPresetSource of(StatutoryPresets presets) {
        return new Given(presets);
    }

    static StatutoryPresetSource readOnDemand(Path directory) {
        return new OnDemand(directory);
    }

    record Given(StatutoryPresets presets) implements StatutoryPresetSource {
        public Given {
            Objects.requireNonNull(presets, "presets");
        }

        @Override
        public Optional<StatutoryPresets> presets(YamlFields fields, String field) {
            return Optional.of(presets);
        }
    }

    final class OnDemand implements StatutoryPresetSource {
        private final Path directory;
        private StatutoryPresets loaded;
        private StatutoryConfigException failure;

        OnDemand(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        @Override
        public synchronized Optional<StatutoryPresets> presets(YamlFields fields, String field) {
            if (loaded == null && failure == null) {
                try {
                    loaded = new StatutoryPresetLoader().load(directory);
                } catch (StatutoryConfigException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                fields.problem(field, "the statutory presets cannot be read: " + failure.getMessage());
                return Optional.empty();
            }
            return Optional.of(loaded);
        }
    }
}
