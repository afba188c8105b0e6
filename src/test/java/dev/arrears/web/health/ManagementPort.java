package dev.arrears.web.health;

import java.net.URL;

/** The management interface's address for REST Assured, whatever root path Quarkus put in its test URL. */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** {@code http://host:port/} of the injected management URL; paths are then given from the root ({@code q/health}). */
    public static String base(URL management) {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + "/";
    }
}
