package org.delphipanel.scoring.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.stats.Outcome;
import org.jspecify.annotations.Nullable;

/** How the scoring views write numbers: two decimals, a dot, and "undefined" with its reason. */
final class Format {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String two(@Nullable Double value) {
        return value == null ? "—" : two(value.doubleValue());
    }

    static String three(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String outcome(Outcome<Double> outcome) {
        return outcome instanceof Outcome.Defined<Double> defined ? two(defined.value())
                : "undefined (" + ((Outcome.Undefined<Double>) outcome).reason() + ")";
    }

    /** {@code 2.87 [2.41, 3.20]}, or the reason it is undefined. */
    static String scoreWithRange(StudyResults.NodeScore score) {
        if (score.score() == null) {
            return "undefined: " + score.undefined();
        }
        String range = score.lower() == null || score.upper() == null ? "" : " [" + two(score.lower()) + ", " + two(score.upper()) + "]";
        return two(score.score()) + range;
    }

    static String when(@Nullable Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }
}
