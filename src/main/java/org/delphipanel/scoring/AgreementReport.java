package org.delphipanel.scoring;

import java.util.List;
import org.delphipanel.stats.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The panel's agreement in one round over one scope of cells (units) by experts (raters).
 *
 * @param scope the scope in words, e.g. "all 42 cells" or "criterion Risk identification (6 targets)"
 * @param live true when the round is still open
 * @param seed the seed of the alpha bootstraps
 * @param replicates B of the alpha bootstraps
 */
public record AgreementReport(long studyId, int roundNumber, boolean live, String scope, int units, int raters,
        int ratings, long seed, int replicates, List<Statistic> statistics) {

    public AgreementReport {
        statistics = List.copyOf(statistics);
    }

    public Statistic statistic(String name) {
        return statistics.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no statistic " + name));
    }

    /**
     * One coefficient.
     *
     * @param name e.g. "Krippendorff's alpha (ordinal)", "ICC2k", "Kendall's W", "Gwet's AC2"
     * @param value the coefficient, or undefined with the reason
     * @param lower the lower end of its 95% interval, when it has one
     * @param upper the upper end
     * @param interval how the interval was made, e.g. "bootstrap, B = 1000, seed 42"
     * @param band the interpretation band in words (empty when undefined)
     * @param source the source of the band
     * @param use when this form fits (for the ICC forms), else empty
     */
    public record Statistic(String name, Outcome<Double> value, @Nullable Double lower, @Nullable Double upper,
            String interval, String band, String source, String use) {
    }
}
