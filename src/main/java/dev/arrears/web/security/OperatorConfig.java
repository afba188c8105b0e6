package dev.arrears.web.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Who may use the admin API. Roles come later; today there is one operator token. */
@ConfigMapping(prefix = "arrears.operator")
public interface OperatorConfig {

    /**
     * The bearer token operators present ({@code Authorization: Bearer ...}); set it through the
     * environment as ARREARS_OPERATOR_TOKEN, never in a file that is committed. Without it the admin
     * API refuses every request.
     */
    Optional<String> token();
}
