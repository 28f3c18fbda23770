package org.delphipanel.rating;

import java.util.List;

/**
 * An import was refused as a whole; nothing of it was stored. Lists every problem found, not only the first.
 */
public class RatingsRejectedException extends IllegalArgumentException {

    /** What is wrong with one line of the file; {@code column} names the field, or is empty for the whole row. */
    public record Problem(int line, String column, String message) {
    }

    private final List<Problem> problems;

    public RatingsRejectedException(List<Problem> problems) {
        super(problems.size() + " problem(s); nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
