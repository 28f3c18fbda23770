package org.delphipanel.study;

import java.util.List;

/** A target import was refused as a whole; nothing was stored. Lists every problem found, not only the first. */
public class TargetImportException extends IllegalArgumentException {

    private final List<ImportProblem> problems;

    public TargetImportException(List<ImportProblem> problems) {
        super(problems.size() == 1 ? "1 problem, nothing imported" : problems.size() + " problems, nothing imported");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import refusal needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
