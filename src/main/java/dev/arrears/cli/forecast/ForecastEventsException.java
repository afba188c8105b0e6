package dev.arrears.cli.forecast;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of a forecast events file, reported together. */
public final class ForecastEventsException extends RuntimeException {

    public ForecastEventsException(String file, List<String> problems) {
        super("Events cannot be read: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + "\n"
                + problems.stream().map(p -> "  " + file + ": " + p).collect(Collectors.joining("\n")));
    }
}
