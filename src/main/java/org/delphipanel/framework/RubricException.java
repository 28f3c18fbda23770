package org.delphipanel.framework;

import java.util.List;
import java.util.stream.Collectors;

/** A rubric file was refused; {@link #problems()} lists every problem found, in file order. */
public final class RubricException extends RuntimeException {

    private final transient List<RubricProblem> problems;

    public RubricException(List<RubricProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused rubric needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<RubricProblem> problems() {
        return problems;
    }

    private static String describe(List<RubricProblem> problems) {
        if (problems.size() == 1) {
            return problems.getFirst().toString();
        }
        return problems.size() + " problems in the rubric file:\n"
                + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
    }
}
