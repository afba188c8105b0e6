package dev.arrears.cli.demo;

import java.util.Map;

/**
 * The sandbox's control API ({@code /_sandbox/...}), in process ({@code SandboxServer::control}) or
 * over HTTP to a sandbox running as its own process ({@link SandboxProcess}).
 */
@FunctionalInterface
interface SandboxControl {

    /** @return the JSON answer as a map, with its HTTP status under {@code _status} */
    Map<String, Object> control(String method, String pathAndQuery, String jsonBody);
}
