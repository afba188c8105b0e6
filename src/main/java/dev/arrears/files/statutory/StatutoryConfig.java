package dev.arrears.files.statutory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the statutory rate tables and presets live (environment: ARREARS_STATUTORY_DIR). */
@ConfigMapping(prefix = "arrears.statutory")
public interface StatutoryConfig {

    /** Directory holding presets.yaml and the CSV tables it names; relative paths start at the working directory. */
    @WithDefault("config/statutory")
    String dir();
}
