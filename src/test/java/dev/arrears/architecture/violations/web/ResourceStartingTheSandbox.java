package dev.arrears.architecture.violations.web;

import dev.arrears.architecture.violations.sandbox.SandboxUsingAConnector;

/** Deliberately broken: production code depending on the sandbox. */
public class ResourceStartingTheSandbox {
    public String version() {
        return new SandboxUsingAConnector().version();
    }
}
