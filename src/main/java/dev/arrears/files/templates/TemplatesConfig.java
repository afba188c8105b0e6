package dev.arrears.files.templates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code arrears.templates.*}: where the accountants' message and document templates live (ARREARS_TEMPLATES_DIR). */
@ConfigMapping(prefix = "arrears.templates")
public interface TemplatesConfig {

    /** Relative paths start at the working directory: the module root in tests and dev mode. */
    @WithDefault("config/templates")
    String dir();
}
