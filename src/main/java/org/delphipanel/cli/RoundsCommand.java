package org.delphipanel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.RoundConvergence;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.StoppingRule;
import org.delphipanel.stats.WilcoxonSignedRank;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code rounds R1.csv R2.csv [R3.csv ...] [--change-threshold 0.5] [--quantile-type 7|6]
 * [--max-rounds N] [--scale MIN:MAX:STEP] [--consensus-rule TEXT] [--stopping-rule TEXT]}: each round's
 * unit summaries and consensus, the change between consecutive rounds, and the stopping recommendation
 * after the last round.
 */
final class RoundsCommand {

    static final Set<String> OPTIONS =
            Set.of("change-threshold", "quantile-type", "max-rounds", "scale", "consensus-rule", "stopping-rule");

    private RoundsCommand() {
    }

    static String run(Options options) {
        List<String> files = options.positionals();
        if (files.isEmpty()) {
            throw CliException.usage("rounds takes one ratings file (unit,rater,value) per round, in order");
        }
        double threshold = options.number("change-threshold", RoundConvergence.DEFAULT_CHANGE_THRESHOLD, 0,
                Double.MAX_VALUE, false);
        QuantileType type = options.quantileType(QuantileType.TYPE_7);
        int maxRounds = options.integer("max-rounds", files.size(), 1);
        Scale scale = options.get("scale").map(AgreementCommand::scale).orElse(null);
        ConsensusRule consensusRule = rule("consensus-rule", options.get("consensus-rule")
                .orElse(ConsensusRule.DEFAULT_SPEC), ConsensusRule::parse);
        StoppingRule stoppingRule = rule("stopping-rule", options.get("stopping-rule")
                .orElse(StoppingRule.DEFAULT_SPEC), StoppingRule::parse);

        List<RatingTable> tables = new ArrayList<>();
        for (String file : files) {
            tables.add(RatingsFile.read(file, scale));
        }

        Report report = new Report();
        ObjectNode root = report.root();
        root.put("command", "rounds");
        Report.strings(root, "files", files);
        root.put("quantile_type", type.number());
        ObjectNode settings = root.putObject("settings");
        settings.put("change_threshold", threshold);
        settings.put("consensus_rule", consensusRule.spec());
        settings.put("stopping_rule", stoppingRule.spec());
        settings.put("max_rounds", maxRounds);
        if (scale == null) {
            settings.putNull("scale");
        } else {
            settings.put("scale", Fields.describe(scale));
        }

        ArrayNode transitions = root.putArray("transitions");
        @Nullable RoundConvergence last = null;
        for (int i = 0; i + 1 < tables.size(); i++) {
            RoundConvergence change;
            try {
                change = RoundConvergence.between(tables.get(i), tables.get(i + 1), threshold, type);
            } catch (IllegalArgumentException e) {
                throw CliException.inFile(files.get(i + 1), "does not match " + files.get(i) + ": " + e.getMessage());
            }
            transition(report, transitions.addObject(), "transitions[" + i + "]", i + 1, change);
            last = change;
        }

        ArrayNode rounds = root.putArray("rounds");
        List<ConsensusRule.Evaluation> latest = List.of();
        for (int r = 0; r < tables.size(); r++) {
            latest = round(report, rounds.addObject(), "rounds[" + r + "]", r + 1, files.get(r), tables.get(r), type,
                    scale, consensusRule);
        }

        StoppingRule.Progress progress = StoppingRule.Progress.of(tables.size(), maxRounds, latest,
                Optional.ofNullable(last));
        StoppingRule.Recommendation recommendation = stoppingRule.evaluate(progress);
        ObjectNode stopping = root.putObject("stopping");
        stopping.put("rule", stoppingRule.spec());
        stopping.put("rounds_completed", progress.roundsCompleted());
        stopping.put("max_rounds", progress.maxRounds());
        stopping.put("stop", recommendation.stop());
        stopping.put("recommendation", recommendation.stop() ? "stop" : "run another round");
        Report.strings(stopping, "triggered", recommendation.triggered().stream().map(ClauseResult::clause).toList());
        clauses(report, stopping.putArray("clauses"), "stopping.clauses", recommendation.clauses());
        return report.toJson();
    }

    private static <T> T rule(String option, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) { // RuleSyntaxException among them
            throw CliException.usage("--" + option + ": " + e.getMessage());
        }
    }

    private static void transition(Report report, ObjectNode node, String path, int from, RoundConvergence change) {
        node.put("from", from);
        node.put("to", from + 1);
        RoundConvergence.Pooled pooled = change.pooled();
        node.put("pairs", pooled.pairs());
        node.put("changed", pooled.changed());
        report.number(node, "fraction_changed", path + ".fraction_changed", pooled.fractionChanged());
        node.put("n_nonzero", pooled.nonZero());
        wilcoxon(report, node, path, pooled.wilcoxon());
        ObjectNode perUnit = node.putObject("per_unit");
        for (RoundConvergence.CellChange cell : change.cells()) {
            String unitPath = path + ".per_unit." + cell.unit();
            ObjectNode unit = perUnit.putObject(cell.unit());
            unit.put("n_pairs", cell.pairs());
            unit.put("n_changed", cell.changed());
            report.number(unit, "fraction_changed", unitPath + ".fraction_changed", cell.fractionChanged());
            unit.put("n_nonzero", cell.nonZero());
            wilcoxon(report, unit, unitPath, cell.wilcoxon());
            report.number(unit, "median_change", unitPath + ".median_change", cell.medianChange());
            report.number(unit, "iqr_change", unitPath + ".iqr_change", cell.iqrChange());
        }
    }

    private static void wilcoxon(Report report, ObjectNode node, String path, Outcome<WilcoxonSignedRank> test) {
        if (test instanceof Outcome.Defined<WilcoxonSignedRank> defined) {
            WilcoxonSignedRank w = defined.value();
            node.put("V", w.v());
            node.put("p_normal_correct", w.pNormalCorrected());
            node.put("p_normal_nocorrect", w.pNormal());
            report.number(node, "p_exact_conditional", path + ".p_exact_conditional", w.pExact());
        } else {
            String reason = Report.reason(test);
            for (String key : List.of("V", "p_normal_correct", "p_normal_nocorrect", "p_exact_conditional")) {
                report.undefined(node, key, path + "." + key, reason);
            }
        }
    }

    private static List<ConsensusRule.Evaluation> round(Report report, ObjectNode node, String path, int number,
            String file, RatingTable table, QuantileType type, @Nullable Scale scale, ConsensusRule rule) {
        node.put("round", number);
        node.put("file", file);
        ObjectNode shape = node.putObject("shape");
        shape.put("units", table.unitCount());
        shape.put("raters", table.raterCount());
        shape.put("ratings", table.ratingCount());
        shape.put("complete", table.isComplete());
        List<CellStatistics> cells = UnitSummaries.of(table, type, scale);
        List<ConsensusRule.Evaluation> evaluations = new ArrayList<>();
        ObjectNode units = node.putObject("units");
        int agreed = 0;
        for (int u = 0; u < table.unitCount(); u++) {
            String unit = table.units().get(u);
            String unitPath = path + ".units." + unit;
            ObjectNode out = units.putObject(unit);
            UnitSummaries.write(report, out, unitPath, cells.get(u));
            ConsensusRule.Evaluation evaluation = rule.evaluate(cells.get(u));
            evaluations.add(evaluation);
            out.put("consensus", evaluation.consensus());
            clauses(report, out.putArray("clauses"), unitPath + ".clauses", evaluation.clauses());
            if (evaluation.consensus()) {
                agreed++;
            }
        }
        node.put("cells", table.unitCount());
        node.put("cells_with_consensus", agreed);
        report.number(node, "consensus_share", path + ".consensus_share", table.unitCount() == 0
                ? Outcome.undefined("no cells") : Outcome.defined((double) agreed / table.unitCount()));
        return evaluations;
    }

    private static void clauses(Report report, ArrayNode array, String path, List<ClauseResult> results) {
        for (int i = 0; i < results.size(); i++) {
            ClauseResult result = results.get(i);
            ObjectNode clause = array.addObject();
            String clausePath = path + "[" + i + "]";
            clause.put("clause", result.clause());
            report.number(clause, "observed", clausePath + ".observed", result.observed());
            report.number(clause, "bound", clausePath + ".bound", result.bound());
            clause.put("passed", result.passed());
        }
    }
}
