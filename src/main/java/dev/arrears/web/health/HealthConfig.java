package dev.arrears.web.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the management interface's organisations check counts as trouble. */
@ConfigMapping(prefix = "arrears.health")
public interface HealthConfig {

    /**
     * Cycles failed in a row before an organisation is listed as failing: one failure is usually a
     * ledger's passing hiccup that the back-off absorbs, three is a pattern a person should look at.
     */
    @WithDefault("3")
    int failingCyclesAfter();
}
