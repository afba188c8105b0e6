package dev.arrears.files.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when one or more policy files cannot be used. It carries every problem found, not just
 * the first, so the accountant can fix them all in one pass instead of one restart per typo.
 */
public class PolicyConfigurationException extends RuntimeException {

    private final transient List<PolicyProblem> problems;

    public PolicyConfigurationException(List<PolicyProblem> problems) {
        this("Follow-up policies cannot be used", problems);
    }

    /** For the other files accountants edit (organisation settings), with their own heading. */
    public PolicyConfigurationException(String heading, List<PolicyProblem> problems) {
        super(describe(heading, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String describe(String title, List<PolicyProblem> problems) {
        long files = problems.stream().map(PolicyProblem::file).distinct().count();
        String heading = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return title + ": " + heading + (files > 1 ? " in " + files + " files" : "") + "\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
