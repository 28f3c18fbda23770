package org.delphipanel.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.delphipanel.stats.CellStatistics;
import org.delphipanel.stats.FleissKappa;
import org.delphipanel.stats.GwetAc;
import org.delphipanel.stats.IntraclassCorrelation;
import org.delphipanel.stats.KendallW;
import org.delphipanel.stats.KrippendorffAlpha;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.QuantileType;
import org.delphipanel.stats.RatingTable;
import org.delphipanel.stats.Scale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code agreement FILE.csv [--scale MIN:MAX:STEP] [--quantile-type 7|6] [--ci 0.95]
 * [--bootstrap B [--seed S]]}: every agreement statistic of one round's ratings, and each unit's summary.
 */
final class AgreementCommand {

    static final Set<String> OPTIONS = Set.of("scale", "quantile-type", "bootstrap", "seed", "ci");
    static final long DEFAULT_SEED = 42;
    static final double DEFAULT_CI = 0.95;

    /** The bootstrap scheme, named in the output so that a reader need not look it up. */
    static final String BOOTSTRAP_SCHEME = "Krippendorff/Hayes pair bootstrap: each replicate draws M pairs of "
            + "ratings within units with replacement (M = pairs in the data), D_e fixed; percentile interval, "
            + "quantile type 7";

    private AgreementCommand() {
    }

    static String run(Options options) {
        List<String> files = options.positionals();
        if (files.size() != 1) {
            throw CliException.usage("agreement takes one ratings file (unit,rater,value), got " + files.size());
        }
        String file = files.get(0);
        Scale scale = options.get("scale").map(AgreementCommand::scale).orElse(null);
        QuantileType type = options.quantileType(QuantileType.TYPE_7);
        double ci = options.number("ci", DEFAULT_CI, 0, 1, true);
        int replicates = options.integer("bootstrap", 0, 1);
        if (options.has("seed") && !options.has("bootstrap")) {
            throw CliException.usage("--seed is for the bootstrap: give --bootstrap B too");
        }
        long seed = options.longValue("seed", DEFAULT_SEED);
        RatingTable table = RatingsFile.read(file, scale);

        Report report = new Report();
        ObjectNode root = report.root();
        root.put("command", "agreement");
        root.put("file", file);
        root.put("quantile_type", type.number());
        ObjectNode settings = root.putObject("settings");
        if (scale == null) {
            settings.putNull("scale");
        } else {
            ObjectNode s = settings.putObject("scale");
            s.put("min", scale.min());
            s.put("max", scale.max());
            s.put("step", scale.step());
            s.put("options", scale.optionCount());
        }
        settings.put("categories", scale == null ? "distinct observed values" : "grades of the scale");
        settings.put("ci", ci);

        ObjectNode shape = root.putObject("shape");
        shape.put("units", table.unitCount());
        shape.put("raters", table.raterCount());
        shape.put("ratings", table.ratingCount());
        shape.put("complete", table.isComplete());

        alpha(report, root.putObject("krippendorff_alpha"), table, replicates, seed, ci);
        icc(report, root, table, ci);
        kendall(report, root, table);
        fleiss(report, root, table, scale);
        gwet(report, root, "gwet_ac1", "gwet_ac1", table, scale, GwetAc.Weights.UNWEIGHTED);
        ObjectNode ac2 = root.putObject("gwet_ac2");
        gwet(report, ac2, "quadratic", "gwet_ac2.quadratic", table, scale, GwetAc.Weights.QUADRATIC);
        gwet(report, ac2, "linear", "gwet_ac2.linear", table, scale, GwetAc.Weights.LINEAR);

        ObjectNode units = root.putObject("units");
        List<CellStatistics> cells = UnitSummaries.of(table, type, scale);
        for (int u = 0; u < table.unitCount(); u++) {
            String unit = table.units().get(u);
            UnitSummaries.write(report, units.putObject(unit), "units." + unit, cells.get(u));
        }
        return report.toJson();
    }

    static Scale scale(String text) {
        try {
            return Scale.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--scale: " + e.getMessage());
        }
    }

    private static void alpha(Report report, ObjectNode node, RatingTable table, int replicates, long seed,
            double ci) {
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            String key = level.name().toLowerCase(Locale.ROOT);
            report.number(node, key, "krippendorff_alpha." + key,
                    KrippendorffAlpha.of(table, level).map(KrippendorffAlpha.Result::value));
        }
        if (replicates == 0) {
            return;
        }
        ObjectNode bootstrap = node.putObject("bootstrap");
        bootstrap.put("scheme", BOOTSTRAP_SCHEME);
        for (KrippendorffAlpha.Level level : List.of(KrippendorffAlpha.Level.ORDINAL, KrippendorffAlpha.Level.INTERVAL)) {
            String key = level.name().toLowerCase(Locale.ROOT);
            Outcome<KrippendorffAlpha.Interval> interval = KrippendorffAlpha.bootstrap(table, level, replicates, seed, ci);
            if (interval instanceof Outcome.Defined<KrippendorffAlpha.Interval> d) {
                KrippendorffAlpha.Interval i = d.value();
                ObjectNode out = bootstrap.putObject(key);
                out.put("estimate", i.estimate());
                out.put("lower", i.lower());
                out.put("upper", i.upper());
                out.put("confidence", i.confidence());
                out.put("B", i.replicates());
                out.put("seed", i.seed());
                out.put("pairs_per_replicate", i.pairsPerReplicate());
            } else {
                report.undefined(bootstrap, key, "krippendorff_alpha.bootstrap." + key, Report.reason(interval));
            }
        }
    }

    private static void icc(Report report, ObjectNode root, RatingTable table, double ci) {
        Outcome<IntraclassCorrelation.Result> result = IntraclassCorrelation.of(table, ci);
        if (!(result instanceof Outcome.Defined<IntraclassCorrelation.Result> defined)) {
            report.undefined(root, "icc", "icc", Report.reason(result));
            return;
        }
        ObjectNode icc = root.putObject("icc");
        for (IntraclassCorrelation.Estimate e : defined.value().estimates()) {
            ObjectNode form = icc.putObject(e.form().psychName());
            form.put("value", e.value());
            form.put("F", e.f());
            form.put("df1", e.df1());
            form.put("df2", e.df2());
            form.put("p", e.p());
            form.put("ci_lower", e.lower());
            form.put("ci_upper", e.upper());
        }
    }

    private static void kendall(Report report, ObjectNode root, RatingTable table) {
        Outcome<KendallW.Result> result = KendallW.of(table);
        if (!(result instanceof Outcome.Defined<KendallW.Result> defined)) {
            report.undefined(root, "kendall_w", "kendall_w", Report.reason(result));
            return;
        }
        KendallW.Result w = defined.value();
        ObjectNode node = root.putObject("kendall_w");
        node.put("w", w.w());
        node.put("w_tie_corrected", w.wCorrected());
        node.put("chi2", w.chiSquare());
        node.put("df", w.df());
        node.put("p", w.p());
        node.put("chi2_tie_corrected", w.chiSquareCorrected());
        node.put("p_tie_corrected", w.pCorrected());
    }

    private static void fleiss(Report report, ObjectNode root, RatingTable table, @Nullable Scale scale) {
        Outcome<FleissKappa.Result> result = scale == null ? FleissKappa.of(table) : FleissKappa.of(table, scale);
        if (!(result instanceof Outcome.Defined<FleissKappa.Result> defined)) {
            report.undefined(root, "fleiss_kappa", "fleiss_kappa", Report.reason(result));
            return;
        }
        ObjectNode node = root.putObject("fleiss_kappa");
        node.put("kappa", defined.value().kappa());
        node.put("z", defined.value().z());
        node.put("p", defined.value().p());
    }

    private static void gwet(Report report, ObjectNode parent, String key, String path, RatingTable table,
            @Nullable Scale scale, GwetAc.Weights weights) {
        Outcome<GwetAc.Result> result = scale == null ? GwetAc.of(table, weights) : GwetAc.of(table, scale, weights);
        if (!(result instanceof Outcome.Defined<GwetAc.Result> defined)) {
            report.undefined(parent, key, path, Report.reason(result));
            return;
        }
        ObjectNode node = parent.putObject(key);
        node.put("value", defined.value().coefficient());
        node.put("pa", defined.value().pa());
        node.put("pe", defined.value().pe());
        node.put("q", defined.value().categories());
    }
}
