package dev.arrears.cli;

import java.util.List;

/** What the command-line entry points (demo, bench, sandbox) share when reading their options. */
public final class CommandArgs {

    private CommandArgs() {
    }

    /** The value that follows an option, or a message naming the option when the line ends first. */
    public static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
