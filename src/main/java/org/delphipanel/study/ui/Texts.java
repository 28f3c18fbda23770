package org.delphipanel.study.ui;

import java.time.Instant;
import java.util.List;
import org.delphipanel.base.ui.Times;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyState;
import org.jspecify.annotations.Nullable;

/** How these views put times, states and rules into words (in words, never only a colour). */
final class Texts {

    /** One rule as a term and its meaning. */
    record Rule(String term, String meaning) {
    }

    private Texts() {
    }

    static String dateTime(@Nullable Instant instant) {
        return Times.dateTime(instant);
    }

    static String state(StudyState state) {
        return switch (state) {
            case DRAFT -> "In setup";
            case RUNNING -> "Running";
            case FINISHED -> "Finished";
            case PUBLISHED -> "Published";
        };
    }

    static String round(@Nullable Round round) {
        if (round == null) {
            return "No round yet";
        }
        return "Round " + round.number() + ", " + switch (round.state()) {
            case DRAFT -> "being prepared";
            case OPEN -> "open";
            case CLOSED -> "closed";
        };
    }

    static String rationale(RationalePolicy policy) {
        return switch (policy) {
            case ALWAYS -> "Required for every rating";
            case WHEN_DEVIATING -> "Required from round 2 when a rating lies more than 1 from the previous round's median";
            case NEVER -> "Optional";
        };
    }

    static String quantileType(int type) {
        return type == 7 ? "Hyndman–Fan type 7 (R's default)" : "Hyndman–Fan type 6 (SPSS, Minitab)";
    }

    /** The rules in the order the rules page and the setup show them. */
    static List<Rule> rules(StudyRules rules) {
        return List.of(
                new Rule("Consensus rule", rules.consensusRule()),
                new Rule("Stopping rule", rules.stoppingRule()),
                new Rule("Maximum number of rounds", Integer.toString(rules.maxRounds())),
                new Rule("Cells that reached consensus", rules.carryConsensus()
                        ? "Rated again in the next round"
                        : "Not rated again; shown as settled"),
                new Rule("Quartiles and IQR", quantileType(rules.quantileType())),
                new Rule("Rationale", rationale(rules.rationalePolicy())),
                new Rule("A new round starts", rules.prefillPrevious()
                        ? "With each expert's own previous ratings filled in"
                        : "Empty"));
    }
}
