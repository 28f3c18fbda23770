package org.delphipanel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.delphipanel.framework.BuiltInFrameworks;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.framework.RubricException;
import org.delphipanel.framework.RubricParser;
import org.delphipanel.stats.LeaveOneExpertOut;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.Scale;
import org.delphipanel.stats.ScoreAggregation;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.stats.ScoringTree;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code score FILE.csv --framework saferai-2024|PATH [--aggregate median|mean|trimmed:P|confidence]
 * [--bootstrap B] [--seed S] [--ci LEVEL] [--quantile-type 6|7]}: weighted maturity scores of every target
 * at every node of the rubric, with percentile and BCa intervals from bootstrapping the experts, rank
 * probabilities and leave-one-expert-out deltas.
 */
final class ScoreCommand {

    static final Set<String> OPTIONS = Set.of("framework", "aggregate", "bootstrap", "seed", "ci", "quantile-type");
    static final List<String> COLUMNS = List.of("target", "criterion", "rater", "value");
    static final List<String> OPTIONAL_COLUMNS = List.of("confidence");
    static final long DEFAULT_SEED = 42;

    static final String BOOTSTRAP_SCHEME = "experts resampled with replacement (all their ratings together), "
            + "every target in the same replicate; percentile and BCa (jackknife acceleration over experts)";

    private ScoreCommand() {
    }

    static String run(Options options) {
        List<String> files = options.positionals();
        if (files.size() != 1) {
            throw CliException.usage("score takes one ratings file (target,criterion,rater,value), got " + files.size());
        }
        String file = files.get(0);
        String frameworkOption = options.get("framework")
                .orElseThrow(() -> CliException.usage("score needs --framework saferai-2024 or a rubric file"));
        ScoreAggregation aggregation = aggregation(options.get("aggregate").orElse("median"));
        int replicates = options.integer("bootstrap", ScoreBootstrap.DEFAULT_REPLICATES, 1);
        long seed = options.longValue("seed", DEFAULT_SEED);
        double ci = options.number("ci", ScoreBootstrap.DEFAULT_LEVEL, 0, 1, true);
        QuantileType type = options.quantileType(ScoreBootstrap.DEFAULT_QUANTILE_TYPE);

        FrameworkDefinition framework = framework(frameworkOption);
        ScoringTree tree = framework.toScoringTree();
        PanelRatings panel = read(file, framework, tree);

        ScoreBootstrap bootstrap = ScoreBootstrap.seeded(seed).withReplicates(replicates).withLevel(ci)
                .withQuantileType(type);
        ScoreBootstrap.Result result = bootstrap.run(panel, aggregation);
        LeaveOneExpertOut.Result leaveOneOut = LeaveOneExpertOut.of(panel, aggregation);

        Report report = new Report();
        ObjectNode root = report.root();
        root.put("command", "score");
        root.put("file", file);
        root.put("quantile_type", type.number());
        ObjectNode settings = root.putObject("settings");
        settings.put("aggregate", aggregation.toString());
        settings.put("B", replicates);
        settings.put("seed", seed);
        settings.put("ci", ci);
        settings.put("quantile_type", type.number());
        settings.put("bootstrap", BOOTSTRAP_SCHEME);
        ObjectNode fw = settings.putObject("framework");
        fw.put("code", framework.code());
        fw.put("version", framework.version());
        fw.put("name", framework.name());
        fw.put("source", frameworkOption);

        ObjectNode shape = root.putObject("shape");
        shape.put("targets", panel.targetCount());
        shape.put("raters", panel.expertCount());
        shape.put("criteria", panel.criterionCount());
        shape.put("ratings", panel.ratingCount());

        ObjectNode targets = root.putObject("targets");
        for (ScoreBootstrap.NodeInterval interval : result.intervals()) {
            ObjectNode target = targets.has(interval.target()) ? (ObjectNode) targets.get(interval.target())
                    : targets.putObject(interval.target());
            String path = "targets." + interval.target() + "." + interval.node();
            ObjectNode node = target.putObject(interval.node());
            report.number(node, "score", path + ".score", interval.estimate());
            Outcome<ScoringTree.Band> band = result.estimates().band(interval.target(), interval.node());
            if (band instanceof Outcome.Defined<ScoringTree.Band> b) {
                node.put("band", b.value().label());
            } else {
                report.undefined(node, "band", path + ".band", Report.reason(band));
            }
            report.number(node, "ci_lower", path + ".ci_lower", interval.percentile().map(ScoreBootstrap.Interval::lower));
            report.number(node, "ci_upper", path + ".ci_upper", interval.percentile().map(ScoreBootstrap.Interval::upper));
            report.number(node, "bca_lower", path + ".bca_lower", interval.bca().map(ScoreBootstrap.BcaInterval::lower));
            report.number(node, "bca_upper", path + ".bca_upper", interval.bca().map(ScoreBootstrap.BcaInterval::upper));
            node.put("excluded_replicates", interval.excludedReplicates());
        }

        ObjectNode ranks = root.putObject("rank_probabilities");
        for (ScoringTree.Node node : tree.nodes()) {
            ObjectNode atNode = ranks.putObject(node.code());
            for (ScoreBootstrap.RankProbability p : result.rankProbabilities(node.code())) {
                ObjectNode row = atNode.has(p.target()) ? (ObjectNode) atNode.get(p.target())
                        : atNode.putObject(p.target());
                report.number(row, p.other(), "rank_probabilities." + node.code() + "." + p.target() + "." + p.other(),
                        p.probability());
            }
        }

        ObjectNode loo = root.putObject("leave_one_out");
        for (LeaveOneExpertOut.Delta delta : leaveOneOut.deltas()) {
            ObjectNode expert = loo.has(delta.expert()) ? (ObjectNode) loo.get(delta.expert()) : loo.putObject(delta.expert());
            ObjectNode target = expert.has(delta.target()) ? (ObjectNode) expert.get(delta.target())
                    : expert.putObject(delta.target());
            report.number(target, delta.node(), "leave_one_out." + delta.expert() + "." + delta.target() + "."
                    + delta.node(), delta.delta());
        }
        return report.toJson();
    }

    private static ScoreAggregation aggregation(String text) {
        try {
            return ScoreAggregation.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--aggregate: " + e.getMessage());
        }
    }

    /**
     * The built-in rubric by its code (a {@code frameworks/CODE.json} resource of the jar, read here rather
     * than through the Spring component that imports it), or a rubric file; every problem of a refused
     * rubric is reported on one line.
     */
    static FrameworkDefinition framework(String option) {
        String builtIn = builtInSource(option);
        try {
            if (builtIn != null) {
                return RubricParser.parse(builtIn, option + ".json");
            }
            Path path = Path.of(option);
            if (!Files.isRegularFile(path)) {
                throw CliException.inFile(option, "no such rubric file (built-in frameworks: "
                        + BuiltInFrameworks.SAFERAI_CODE + ")");
            }
            return RubricParser.parse(path);
        } catch (RubricException e) {
            throw CliException.inFile(option, "rubric refused: " + e.problems().stream()
                    .map(p -> p.location() + ": " + p.message()).collect(Collectors.joining("; ")));
        } catch (IOException | InvalidPathException e) {
            throw CliException.inFile(option, "cannot be read: " + e.getMessage());
        }
    }

    private static @Nullable String builtInSource(String code) {
        if (!FrameworkDefinition.CODE.matcher(code).matches()) {
            return null;
        }
        try (InputStream in = ScoreCommand.class.getClassLoader().getResourceAsStream("frameworks/" + code + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.inFile(code, "the built-in rubric cannot be read: " + e.getMessage());
        }
    }

    private static PanelRatings read(String file, FrameworkDefinition framework, ScoringTree tree) {
        CsvFile csv = CsvFile.read(file, COLUMNS, OPTIONAL_COLUMNS);
        PanelRatings.Builder panel = PanelRatings.builder(tree);
        Map<List<String>, Integer> firstLine = new HashMap<>();
        String frameworkName = framework.code() + " v" + framework.version();
        for (CsvFile.Row row : csv.rows()) {
            String target = Fields.id(csv, row, "target");
            String criterion = Fields.id(csv, row, "criterion");
            String rater = Fields.id(csv, row, "rater");
            if (!tree.hasNode(criterion)) {
                throw CliException.at(file, row.line(), "criterion '" + criterion + "' is not in framework "
                        + frameworkName + " (criteria: " + leafCodes(tree) + ")");
            }
            if (!tree.node(criterion).isCriterion()) {
                throw CliException.at(file, row.line(), "'" + criterion + "' is not a criterion of framework "
                        + frameworkName + " but a group of criteria; rate its criteria: " + leafCodes(tree));
            }
            Scale scale = tree.node(criterion).scale();
            double value = Fields.number(csv, row, "value");
            if (scale == null || !scale.contains(value)) {
                throw CliException.at(file, row.line(), "value " + csv.field(row, "value").strip()
                        + " is off the scale of criterion '" + criterion + "'"
                        + (scale == null ? "" : " (" + Fields.describe(scale) + ")"));
            }
            Integer earlier = firstLine.putIfAbsent(List.of(target, criterion, rater), row.line());
            if (earlier != null) {
                throw CliException.at(file, row.line(), "duplicate rating: target '" + target + "', criterion '"
                        + criterion + "' already has a rating from rater '" + rater + "' on line " + earlier);
            }
            String confidence = csv.has("confidence") ? csv.field(row, "confidence").strip() : "";
            if (confidence.isEmpty()) {
                panel.add(target, criterion, rater, value);
            } else {
                panel.add(target, criterion, rater, value, confidence(csv, row, confidence));
            }
        }
        return panel.build();
    }

    private static PanelRatings.Confidence confidence(CsvFile csv, CsvFile.Row row, String text) {
        try {
            return PanelRatings.Confidence.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.at(csv.name(), row.line(), "confidence '" + text
                    + "' must be LOW, MEDIUM or HIGH (or empty)");
        }
    }

    private static String leafCodes(ScoringTree tree) {
        return tree.criteria().stream().map(ScoringTree.Node::code).collect(Collectors.joining(", "));
    }
}
