package org.delphipanel.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RatingLoad} run did: how many saves, how fast, which failed, and per cell the last
 * acknowledged value and any save whose outcome the client never learnt.
 *
 * @param latencyNanos the time of every save, acknowledged or failed, in the order they ended
 */
public record LoadReport(int experts, Duration elapsed, long[] latencyNanos, List<String> errors,
        List<CellOutcome> outcomes) {

    public LoadReport {
        latencyNanos = latencyNanos.clone();
        Arrays.sort(latencyNanos);
        errors = List.copyOf(errors);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One expert's cell at the end of the run.
     *
     * @param acknowledged the last save of the cell the server acknowledged, or null
     * @param unanswered a later save that failed without a clear answer (it may or may not be stored), or null
     */
    public record CellOutcome(LoadPanel.Expert expert, LoadPanel.Cell cell, RatingLoad.@Nullable Ack acknowledged,
            RatingLoad.@Nullable Attempt unanswered) {
    }

    /** A rating as read back from the database. */
    public record Stored(BigDecimal grade, int version) {
    }

    public int saves() {
        return latencyNanos.length;
    }

    public int acknowledged() {
        return saves() - errors.size();
    }

    /** Acknowledged saves per second of the whole run (think time included). */
    public double throughput() {
        return acknowledged() / (elapsed.toNanos() / 1e9);
    }

    /** The nearest-rank percentile ({@code p} in 0..100) of all saves' latencies, in milliseconds. */
    public double percentileMillis(double p) {
        if (latencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * latencyNanos.length);
        return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, rank - 1))] / 1e6;
    }

    /** The errors, counted by their text with the numbers taken out, most frequent first. */
    public Map<String, Long> errorCounts() {
        return errors.stream().map(e -> e.replaceAll("\\d+", "#"))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }

    public String summary() {
        return String.format(Locale.ROOT, "experts=%d saves=%d acknowledged=%d errors=%d elapsed=%.1fs"
                + " throughput=%.1f saves/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%s", experts, saves(),
                acknowledged(), errors.size(), elapsed.toNanos() / 1e9, throughput(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100),
                errors.isEmpty() ? "" : " errorTypes=" + errorCounts());
    }

    /**
     * Everything that contradicts the acknowledgements, given what the database holds per expert and cell
     * ({@code stored} returns null for a cell with no rating). An acknowledged save must be there with its
     * grade and version; it may only have been overtaken by the one unanswered save that followed it (the
     * next version, with that save's grade). A cell whose only save went unanswered may hold that save or
     * nothing.
     */
    public List<String> problems(java.util.function.BiFunction<LoadPanel.Expert, LoadPanel.Cell, @Nullable Stored> stored) {
        List<String> problems = new ArrayList<>();
        for (CellOutcome outcome : outcomes) {
            Stored found = stored.apply(outcome.expert(), outcome.cell());
            RatingLoad.Ack ack = outcome.acknowledged();
            RatingLoad.Attempt later = outcome.unanswered();
            String where = outcome.expert().email() + " " + outcome.cell();
            if (found == null) {
                if (ack != null) {
                    problems.add(where + ": acknowledged version " + ack.version() + " is missing");
                }
                continue;
            }
            boolean isAck = ack != null && found.version() == ack.version() && same(found.grade(), ack.grade());
            boolean isLater = later != null && same(found.grade(), later.grade())
                    && found.version() == (ack == null ? 0 : ack.version() + 1);
            if (!isAck && !isLater) {
                problems.add(where + ": stored grade " + found.grade().toPlainString() + " version " + found.version()
                        + " but acknowledged " + (ack == null ? "nothing" : ack.grade().toPlainString() + " version "
                        + ack.version()) + (later == null ? "" : " (unanswered: " + later.grade().toPlainString() + ")"));
            }
        }
        return problems;
    }

    /** How many acknowledged cells {@code stored} holds exactly as acknowledged or as their one later save. */
    public int acknowledgedCells() {
        return (int) outcomes.stream().filter(o -> o.acknowledged() != null).count();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
