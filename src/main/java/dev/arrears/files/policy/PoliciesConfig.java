package dev.arrears.files.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code arrears.policies.*}: where the accountants' policy files live. */
@ConfigMapping(prefix = "arrears.policies")
public interface PoliciesConfig {

    /**
     * The folder of policy files. A relative path is taken from the working directory: the module
     * root when running tests or {@code quarkus dev}; in a container, set ARREARS_POLICIES_DIR to
     * an absolute path.
     */
    @WithDefault("config/policies")
    String dir();
}
