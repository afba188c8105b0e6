package dev.arrears.architecture.violations.web;

import dev.arrears.architecture.violations.cli.CommandUsingAConnector;

/** Deliberately broken: a resource starting a command-line tool. */
public class ResourceRunningACommand {
    public Object run() {
        return new CommandUsingAConnector().run();
    }
}
