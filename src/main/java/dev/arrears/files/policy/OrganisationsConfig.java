package dev.arrears.files.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code arrears.organisations.*}: the folder of per-organisation settings files (optional). */
@ConfigMapping(prefix = "arrears.organisations")
public interface OrganisationsConfig {

    @WithDefault("config/organisations")
    String dir();
}
