package org.delphipanel.report;

import static org.delphipanel.report.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.delphipanel.export.ExportedStudy;
import org.delphipanel.export.Provenance;
import org.delphipanel.framework.Band;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.Convergence;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.Outcome;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyRules;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link StudyReport} as one standalone XHTML document: inline CSS (screen and print), the
 * forest plot as a PNG data URI, no scripts and no external requests. Every text that a person typed
 * (study, targets, rubric, rules) goes through {@link Html#escape}. Well-formed XML, so the PDF renderer
 * reads the same file. Stateless.
 */
final class ReportHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static final String CSS = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-left { content: "Delphi Panel study report"; font-family: "DejaVu Sans", Arial, sans-serif;
                font-size: 8pt; color: #5c5c5c; }
              @bottom-right { content: "page " counter(page) " of " counter(pages);
                font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #5c5c5c; } }
            body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 9.5pt; line-height: 1.4;
              color: #1a1a1a; max-width: 62em; margin: 0 auto; padding: 1em; }
            h1 { font-size: 18pt; margin: 0 0 0.2em 0; }
            h2 { font-size: 13pt; margin: 1.4em 0 0.4em 0; border-bottom: 1px solid #b0b0b0; padding-bottom: 2px;
              page-break-after: avoid; }
            h3 { font-size: 10.5pt; margin: 1em 0 0.3em 0; page-break-after: avoid; }
            p { margin: 0.35em 0; }
            .subtitle { color: #5c5c5c; margin-bottom: 1em; }
            table { border-collapse: collapse; margin: 0.4em 0 0.8em 0; width: 100%; page-break-inside: auto; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #c8c8c8; padding: 2px 5px; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            td.num { text-align: right; white-space: nowrap; }
            table.md { font-size: 8.5pt; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
            .muted { color: #5c5c5c; font-size: 8.5pt; }
            .provenance td:first-child { width: 28%; color: #5c5c5c; }
            .rule { font-family: "DejaVu Sans Mono", monospace; }
            .depth1 { padding-left: 1.2em; }
            .depth2 { padding-left: 2.4em; }
            .depth3 { padding-left: 3.6em; }
            img.plot { width: 100%; max-width: 860px; }
            @media print { img.plot { width: 176mm; max-width: none; } }
            .method { page-break-inside: auto; }
            .keep { page-break-inside: avoid; }
            .refs li { margin-bottom: 0.3em; }
            @media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
            """;

    private ReportHtml() {
    }

    static String render(StudyReport report) {
        ExportedStudy exported = report.exported();
        Study study = exported.study();
        StringBuilder out = new StringBuilder(64_000);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\" />")
                .append("<title>").append(escape(study.name())).append(" · study report</title>")
                .append("<style>").append(CSS).append("</style></head><body>");
        out.append("<h1>").append(escape(study.name())).append("</h1>");
        out.append("<p class=\"subtitle\">Delphi study report · rubric ").append(escape(exported.framework().label()))
                .append(" · generated ").append(WHEN.format(exported.provenance().exportedAt())).append("</p>");
        provenance(out, exported.provenance());
        question(out, study);
        rubric(out, exported.framework().definition(), exported.framework().bands());
        panel(out, exported);
        rules(out, study.rules());
        responses(out, report.responses());
        agreement(out, report.agreement());
        convergence(out, report.convergence());
        scores(out, exported, report.forestPlot());
        methods(out, report.methods());
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void provenance(StringBuilder out, Provenance p) {
        out.append("<h2 id=\"provenance\">Provenance</h2><table class=\"provenance\">");
        row(out, "Study", "#" + p.studyId() + " " + p.studyName());
        row(out, "Rubric (framework)", p.frameworkCode() + " version " + p.frameworkVersion());
        row(out, "Consensus rule", p.consensusRule());
        row(out, "Stopping rule", p.stoppingRule());
        row(out, "Quantile type", "Hyndman-Fan type " + p.quantileType());
        row(out, "Closed rounds included", p.roundsIncluded().isEmpty() ? "none"
                : String.join(", ", p.roundsIncluded().stream().map(String::valueOf).toList()));
        if (p.resultsRound() != null) {
            row(out, "Results", "computed from round " + p.resultsRound() + " (snapshot " + p.resultsSnapshot() + "), "
                    + (Boolean.TRUE.equals(p.resultsPublished()) ? "published" : "not published") + "; aggregation "
                    + p.aggregation() + ", bootstrap B = " + p.bootstrapReplicates() + ", seed " + p.bootstrapSeed()
                    + ", level " + p.intervalLevel());
        } else {
            row(out, "Results", "none computed yet");
        }
        row(out, "Application version", "Delphi Panel " + p.appVersion());
        row(out, "Generated", p.exportedAt().toString());
        out.append("</table>");
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><td>").append(escape(key)).append("</td><td>").append(escape(value)).append("</td></tr>");
    }

    private static void question(StringBuilder out, Study study) {
        out.append("<h2 id=\"question\">Question</h2>");
        out.append("<p>").append(study.question() == null || study.question().isBlank() ? "(no question recorded)"
                : escape(study.question())).append("</p>");
        if (study.description() != null && !study.description().isBlank()) {
            out.append("<p class=\"muted\">").append(escape(study.description())).append("</p>");
        }
    }

    private static void rubric(StringBuilder out, FrameworkDefinition rubric, List<Band> bands) {
        out.append("<h2 id=\"rubric\">Rubric and weights</h2>");
        out.append("<p>").append(escape(rubric.name())).append(" (").append(escape(rubric.code())).append(" version ")
                .append(rubric.version()).append("). Weights are within the parent node; the effective weight is the")
                .append(" node's share of the overall score.</p>");
        out.append("<table><tr><th>Node</th><th>Code</th><th>Weight in parent</th><th>Effective weight</th>")
                .append("<th>Scale</th></tr>");
        node(out, rubric, rubric.root(), 0);
        out.append("</table>");
        if (!bands.isEmpty()) {
            out.append("<p>Bands: ");
            for (int i = 0; i < bands.size(); i++) {
                Band band = bands.get(i);
                out.append(i == 0 ? "" : "; ").append(escape(band.label())).append(' ')
                        .append(band.lowerInclusive() ? "[" : "(").append(band.lower().toPlainString()).append(", ")
                        .append(band.upper().toPlainString()).append(']');
            }
            out.append(".</p>");
        }
    }

    private static void node(StringBuilder out, FrameworkDefinition rubric, FrameworkNode node, int depth) {
        out.append("<tr><td class=\"depth").append(Math.min(depth, 3)).append("\">").append(escape(node.name()))
                .append("</td><td><code>").append(escape(node.code())).append("</code></td><td class=\"num\">")
                .append(depth == 0 ? "—" : number(node.weight(), 3)).append("</td><td class=\"num\">")
                .append(number(rubric.effectiveWeight(node.code()), 3)).append("</td><td>");
        if (node.scale() != null) {
            out.append(node.scale().min().toPlainString()).append("–").append(node.scale().max().toPlainString())
                    .append(" in steps of ").append(node.scale().step().toPlainString());
        }
        out.append("</td></tr>");
        for (FrameworkNode child : node.children()) {
            node(out, rubric, child, depth + 1);
        }
    }

    private static void panel(StringBuilder out, ExportedStudy exported) {
        out.append("<h2 id=\"panel\">Panel and rounds</h2>");
        out.append("<p>Panel size: <strong>").append(exported.experts().size()).append(" experts</strong>, rating ")
                .append(exported.targets().size()).append(" targets on ").append(exported.framework().criteria().size())
                .append(" criteria (").append(exported.targets().size() * exported.framework().criteria().size())
                .append(" cells per round). Experts appear under pseudonyms only.</p>");
        out.append("<p>Targets: ").append(escape(String.join("; ",
                exported.targets().stream().map(t -> t.name()).toList()))).append(".</p>");
        out.append("<table><tr><th>Round</th><th>State</th><th>Opened</th><th>Deadline</th><th>Closed</th>")
                .append("<th>In this report</th></tr>");
        List<Integer> included = exported.provenance().roundsIncluded();
        for (Round round : exported.rounds()) {
            out.append("<tr><td class=\"num\">").append(round.number()).append("</td><td>")
                    .append(round.state().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(when(round.openedAt()))
                    .append("</td><td>").append(when(round.closesAt())).append("</td><td>").append(when(round.closedAt()))
                    .append("</td><td>").append(included.contains(round.number()) ? "yes"
                            : round.isClosed() ? "no (after the published results)" : "no (not closed)")
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void rules(StringBuilder out, StudyRules rules) {
        out.append("<h2 id=\"rules\">Pre-registered rules</h2>");
        out.append("<p>Fixed with the study before round 1; docs/statistics.md defines their grammar.</p><table>");
        out.append("<tr><td>Consensus rule (per cell)</td><td class=\"rule\">").append(escape(rules.consensusRule()))
                .append("</td></tr>");
        out.append("<tr><td>Stopping rule</td><td class=\"rule\">").append(escape(rules.stoppingRule()))
                .append("</td></tr>");
        out.append("<tr><td>Maximum rounds</td><td>").append(rules.maxRounds()).append("</td></tr>");
        out.append("<tr><td>Cells with consensus</td><td>").append(rules.carryConsensus()
                ? "rated again in later rounds" : "settled, not rated again").append("</td></tr>");
        out.append("<tr><td>Quartiles</td><td>Hyndman-Fan type ").append(rules.quantileType()).append("</td></tr>");
        out.append("<tr><td>Rationale</td><td>").append(escape(rules.rationalePolicy().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '))).append("</td></tr>");
        out.append("</table>");
    }

    private static void responses(StringBuilder out, List<StudyReport.RoundResponse> responses) {
        out.append("<h2 id=\"responses\">Response rates</h2>");
        if (responses.isEmpty()) {
            out.append("<p>No closed round is included yet.</p>");
            return;
        }
        out.append("<table><tr><th>Round</th><th>Experts who rated</th><th>Response rate</th><th>Ratings</th>")
                .append("<th>Ratings possible</th><th>Completeness</th></tr>");
        for (StudyReport.RoundResponse r : responses) {
            out.append("<tr><td class=\"num\">").append(r.round()).append("</td><td class=\"num\">").append(r.responding())
                    .append(" of ").append(r.panel()).append("</td><td class=\"num\">").append(percent(r.responseRate()))
                    .append("</td><td class=\"num\">").append(r.ratings()).append("</td><td class=\"num\">")
                    .append(r.panel() * r.cells()).append("</td><td class=\"num\">").append(percent(r.completeness()))
                    .append("</td></tr>");
        }
        out.append("</table><p class=\"muted\">An expert responded when they rated at least one cell. Ratings possible")
                .append(" = experts × cells; in a study that settles consensus cells, later rounds ask fewer.</p>");
    }

    private static void agreement(StringBuilder out, List<AgreementReport> reports) {
        out.append("<h2 id=\"agreement\">Agreement per round</h2>");
        if (reports.isEmpty()) {
            out.append("<p>No closed round is included yet.</p>");
            return;
        }
        out.append("<p>Over all cells of each round (units = cells, raters = experts). Krippendorff's alpha has a")
                .append(" 95% percentile bootstrap interval (B = ").append(reports.getFirst().replicates())
                .append(", seed ").append(reports.getFirst().seed()).append("), the ICC forms an F-distribution interval.")
                .append(" Per criterion and per target: round-agreement.csv of the exports.</p>");
        out.append("<table><tr><th>Statistic</th>");
        for (AgreementReport report : reports) {
            out.append("<th>Round ").append(report.roundNumber()).append(" (").append(report.units()).append(" cells, ")
                    .append(report.raters()).append(" experts, ").append(report.ratings()).append(" ratings)</th>");
        }
        out.append("</tr>");
        for (AgreementReport.Statistic first : reports.getFirst().statistics()) {
            out.append("<tr><td>").append(escape(first.name())).append("</td>");
            for (AgreementReport report : reports) {
                AgreementReport.Statistic s = report.statistic(first.name());
                out.append("<td>");
                if (s.value() instanceof Outcome.Defined<Double> value) {
                    out.append("<strong>").append(number(value.value(), 3)).append("</strong>");
                    if (s.lower() != null && s.upper() != null) {
                        out.append(" [").append(number(s.lower(), 3)).append(", ").append(number(s.upper(), 3)).append(']');
                    }
                    out.append("<br /><span class=\"muted\">").append(escape(s.band())).append("</span>");
                } else if (s.value() instanceof Outcome.Undefined<Double> undefined) {
                    out.append("<span class=\"muted\">undefined: ").append(escape(undefined.reason())).append("</span>");
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table><p class=\"muted\">Bands: ");
        List<String> sources = reports.getFirst().statistics().stream().map(AgreementReport.Statistic::source).distinct()
                .toList();
        out.append(escape(String.join("; ", sources))).append(".</p>");
    }

    private static void convergence(StringBuilder out, Convergence convergence) {
        out.append("<h2 id=\"convergence\">Convergence across rounds</h2>");
        if (convergence.rounds().isEmpty()) {
            out.append("<p>No closed round is included yet.</p>");
            return;
        }
        out.append("<table><tr><th>Round</th><th>Ratings</th><th>Cells with consensus</th><th>Alpha (ordinal)</th>")
                .append("<th>Kendall's W</th><th>Ratings changed since the previous round</th></tr>");
        for (Convergence.RoundSummary round : convergence.rounds()) {
            out.append("<tr><td class=\"num\">").append(round.number()).append("</td><td class=\"num\">")
                    .append(round.ratings()).append("</td><td class=\"num\">").append(round.cellsWithConsensus())
                    .append(" of ").append(round.cells()).append(" (").append(percent(round.consensusShare()))
                    .append(")</td><td class=\"num\">").append(outcome(round.alphaOrdinal())).append("</td><td class=\"num\">")
                    .append(outcome(round.kendallW())).append("</td><td>");
            Convergence.Change change = round.change();
            if (change == null) {
                out.append("—");
            } else {
                out.append(change.changed()).append(" of ").append(change.pairs()).append(" (")
                        .append(change.fractionChanged().isDefined() ? percent(change.fractionChanged().orElseThrow())
                                : "undefined")
                        .append(") moved by more than ").append(number(convergence.changeThreshold(), 1));
            }
            out.append("</td></tr>");
        }
        out.append("</table>");
        Convergence.StoppingAdvice stopping = convergence.stopping();
        if (stopping != null) {
            out.append("<p>Stopping rule <span class=\"rule\">").append(escape(stopping.rule())).append("</span> after round ")
                    .append(stopping.afterRound()).append(": <strong>").append(stopping.stop() ? "stop" : "continue")
                    .append("</strong>. ").append(escape(stopping.summary())).append("</p><ul>");
            for (ClauseResult clause : stopping.clauses()) {
                out.append("<li><span class=\"rule\">").append(escape(clause.clause())).append("</span>: observed ")
                        .append(outcome(clause.observed())).append(", bound ").append(outcome(clause.bound())).append(", ")
                        .append(clause.passed() ? "holds" : "does not hold").append("</li>");
            }
            out.append("</ul>");
        }
    }

    private static void scores(StringBuilder out, ExportedStudy exported, byte @Nullable [] plot) {
        out.append("<h2 id=\"scores\">Final weighted scores</h2>");
        StudyResults results = exported.results();
        if (results == null) {
            out.append("<p>No results have been computed yet.</p>");
            return;
        }
        StudyResults.Content content = results.content();
        out.append("<p>Computed ").append(WHEN.format(results.computedAt())).append(" from the ratings of round ")
                .append(results.roundNumber()).append(" (").append(results.published() ? "published "
                        + WHEN.format(results.publishedAt()) : "not yet published").append("). Cell aggregate: ")
                .append(escape(content.aggregation())).append("; ").append(percent(content.level()))
                .append(" confidence ranges: ").append(escape(content.intervalMethod())).append(", B = ")
                .append(results.replicates()).append(", seed ").append(results.seed()).append(".</p>");
        if (plot != null) {
            out.append("<p><img class=\"plot\" alt=\"Forest plot: each target's overall score with its ")
                    .append(percent(content.level())).append(" confidence range, over the rubric's bands\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(plot)).append("\" /></p>");
        }
        for (StudyResults.TargetScores target : results.targets()) {
            out.append("<div class=\"keep\"><h3>").append(escape(target.target())).append("</h3>");
            out.append("<table><tr><th>Node</th><th>Score</th><th>").append(percent(content.level()))
                    .append(" range</th><th>BCa range</th><th>Band</th></tr>");
            for (StudyResults.NodeScore score : target.scores()) {
                StudyResults.Node node = results.nodes().stream().filter(n -> n.code().equals(score.node())).findFirst()
                        .orElse(null);
                int depth = node == null ? 0 : node.depth();
                out.append("<tr><td class=\"depth").append(Math.min(depth, 3)).append("\">")
                        .append(escape(node == null ? score.node() : node.name())).append("</td><td class=\"num\">");
                if (score.score() == null) {
                    out.append("</td><td colspan=\"3\" class=\"muted\">undefined: ").append(escape(score.undefined()))
                            .append("</td></tr>");
                    continue;
                }
                out.append("<strong>").append(number(score.score(), 2)).append("</strong></td><td class=\"num\">")
                        .append(range(score.lower(), score.upper())).append("</td><td class=\"num\">")
                        .append(range(score.bcaLower(), score.bcaUpper())).append("</td><td>")
                        .append(escape(score.band() == null ? "—" : score.band())).append("</td></tr>");
            }
            out.append("</table></div>");
        }
    }

    private static void methods(StringBuilder out, Methods methods) {
        out.append("<h2 id=\"methods\">Methods</h2>");
        out.append("<p class=\"muted\">Generated from docs/statistics.md of this version of Delphi Panel: each")
                .append(" statistic's definition, interpretation and references as documented there.</p>");
        for (Methods.Section section : methods.sections()) {
            out.append("<div class=\"method\"><h3>").append(escape(section.title())).append("</h3>");
            section.definition().forEach(block -> out.append(Html.block(block)));
            section.interpretation().forEach(block -> out.append(Html.block(block)));
            section.references().forEach(block -> out.append(Html.block(block)));
            out.append("</div>");
        }
        out.append("<h3 id=\"references\">Principal references</h3><p class=\"muted\">The \"Reference\" paragraphs")
                .append(" of the sections above; further sources are cited in their text.</p><ol class=\"refs\">");
        methods.references().forEach(reference -> out.append("<li>").append(Html.inline(reference)).append("</li>"));
        out.append("</ol>");
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String outcome(Outcome<Double> outcome) {
        return outcome instanceof Outcome.Defined<Double> defined ? number(defined.value(), 3)
                : "<span class=\"muted\">undefined</span>";
    }

    private static String range(@Nullable Double lower, @Nullable Double upper) {
        return lower == null || upper == null ? "—" : "[" + number(lower, 2) + ", " + number(upper, 2) + "]";
    }

    private static String when(@Nullable Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }
}
