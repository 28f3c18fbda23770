package org.delphipanel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.Outcome;

/** Numbers and rule clauses in the words a facilitator reads. */
final class Words {

    private Words() {
    }

    /** Two decimals at most, no trailing zeros: 1.5, 0.33, 2. */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** Why a clause of the consensus rule failed, in words. */
    static String failedClause(ClauseResult clause) {
        String text = clause.clause();
        if (clause.observed() instanceof Outcome.Undefined<Double> undefined) {
            return text + " cannot be checked: " + undefined.reason();
        }
        double observed = clause.observed().orElseThrow();
        double bound = clause.bound().isDefined() ? clause.bound().orElseThrow() : Double.NaN;
        if (text.startsWith("iqr")) {
            return "IQR " + number(observed) + " is above the rule's " + number(bound) + " (" + text + ")";
        }
        if (text.startsWith("within")) {
            String distance = text.substring(text.indexOf('(') + 1, text.indexOf(')'));
            return "only " + percent(observed) + " of ratings lie within ±" + distance + " of the median; the rule asks "
                    + percent(bound) + " (" + text + ")";
        }
        if (text.startsWith("rwg")) {
            return "rwg " + number(observed) + " is below the rule's " + number(bound) + " (" + text + ")";
        }
        if (text.startsWith("ipr")) {
            return "RAND/UCLA disagreement: the inter-percentile range " + number(observed) + " exceeds IPRAS "
                    + number(bound) + " (" + text + ")";
        }
        return text + " failed: observed " + number(observed) + ", bound " + number(bound);
    }
}
