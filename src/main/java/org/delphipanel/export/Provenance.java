package org.delphipanel.export;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an export's numbers come from, carried by every export (JSON key {@code provenance}, XLSX sheet
 * "Provenance", {@code provenance.json} in the ZIP bundle).
 *
 * @param roundsIncluded the closed rounds whose ratings or statistics the export holds (never an open round)
 * @param resultsRound the round the scores were computed from, or null when none were computed
 * @param resultsSnapshot the id of the stored results, to tell two computations apart
 * @param bootstrapSeed the seed of the scores' bootstrap, to recompute the intervals exactly
 * @param named whether expert identities (names, e-mails) are in the export
 */
public record Provenance(
        long studyId,
        String studyName,
        String frameworkCode,
        int frameworkVersion,
        String consensusRule,
        String stoppingRule,
        int quantileType,
        String appVersion,
        Instant exportedAt,
        List<Integer> roundsIncluded,
        @Nullable Integer resultsRound,
        @Nullable Long resultsSnapshot,
        @Nullable Boolean resultsPublished,
        @Nullable String aggregation,
        @Nullable Long bootstrapSeed,
        @Nullable Integer bootstrapReplicates,
        @Nullable Double intervalLevel,
        boolean named) {

    public Provenance {
        roundsIncluded = List.copyOf(roundsIncluded);
    }

    /** The provenance as a two-column table (key, value), for the XLSX sheet. */
    Table asTable() {
        Table.Builder table = Table.builder("Provenance", "key", "value");
        table.row("study_id", studyId);
        table.row("study_name", studyName);
        table.row("framework_code", frameworkCode);
        table.row("framework_version", frameworkVersion);
        table.row("consensus_rule", consensusRule);
        table.row("stopping_rule", stoppingRule);
        table.row("quantile_type", quantileType);
        table.row("app_version", appVersion);
        table.row("exported_at", exportedAt.toString());
        table.row("rounds_included", String.join(" ", roundsIncluded.stream().map(String::valueOf).toList()));
        table.row("results_round", resultsRound);
        table.row("results_snapshot", resultsSnapshot);
        table.row("results_published", resultsPublished);
        table.row("aggregation", aggregation);
        table.row("bootstrap_seed", bootstrapSeed == null ? null : bootstrapSeed.toString());
        table.row("bootstrap_replicates", bootstrapReplicates);
        table.row("interval_level", intervalLevel);
        table.row("named", named);
        return table.build();
    }
}
