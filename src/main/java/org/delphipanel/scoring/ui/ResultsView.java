package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.stats.ScoreBootstrap;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A study's final weighted scores: the comparison table, the forest plot, rank probabilities and the
 * sensitivity checks. Open to every signed-in person; the service shows experts only published results.
 */
@Route("studies/:studyId([0-9]+)/results")
@PageTitle("Results · Delphi Panel")
@PermitAll
class ResultsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient ResultsService results;
    private final Div body = new Div();
    private long studyId;
    private @Nullable CompletableFuture<?> computation;

    ResultsView(ResultsService results) {
        this.results = results;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        studyId = ScoringNav.studyId(event);
        removeAll();
        add(new H1("Results"));
        if (studyId < 1) {
            // not a number, or too long for one (the route accepts any digits)
            add(notice("There is no such study."));
            return;
        }
        Optional<StudyResults> shown;
        boolean manage;
        try {
            manage = results.mayManage(new StudyId(studyId));
            shown = results.results(new StudyId(studyId));
        } catch (AccessDeniedException | StudyNotFoundException refused) {
            add(notice(refused.getMessage()));
            return;
        }
        add(ScoringNav.of(studyId, manage));
        if (manage) {
            add(createControls(shown.orElse(null)));
        }
        body.removeAll();
        add(body);
        shown.ifPresentOrElse(this::show,
                () -> body.add(new Paragraph("No results have been computed for this study yet.")));
    }

    /** The running computation, for tests to wait on; null when none is running. */
    @Nullable CompletableFuture<?> computation() {
        return computation;
    }

    private Div createControls(@Nullable StudyResults current) {
        var controls = new Div();
        controls.addClassName("dp-controls");
        Optional<Round> finalRound = results.finalRound(new StudyId(studyId));
        if (finalRound.isEmpty()) {
            controls.add(new Paragraph("Results are computed from the latest closed round; no round has closed yet."));
            return controls;
        }
        int round = finalRound.get().number();
        controls.add(new Paragraph("The final round for these results is the latest closed round, round " + round
                + ". A round that is still open is never used: its ratings can change."));
        var compute = new Button(current == null ? "Compute results from round " + round
                : "Recompute from round " + round);
        compute.addThemeVariants(ButtonVariant.PRIMARY);
        var progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        compute.addClickListener(click -> startComputation(compute, progress, status));
        var row = new HorizontalLayout(compute);
        row.setAlignItems(Alignment.CENTER);
        if (current != null && !current.published()) {
            var publish = new Button("Publish to the study's experts", e -> {
                results.publish(new StudyId(studyId));
                UI.getCurrent().refreshCurrentRoute(false);
            });
            row.add(publish);
        }
        controls.add(row, progress, status);
        return controls;
    }

    private void startComputation(Button compute, ProgressBar progress, Paragraph status) {
        UI ui = UI.getCurrent();
        compute.setEnabled(false);
        progress.setVisible(true);
        status.setText("Computing " + String.format("%,d", ScoreBootstrap.DEFAULT_REPLICATES)
                + " bootstrap replicates in the background; you can keep reading this page.");
        // polling, not server push: the page asks for the result every half second while it computes
        ui.setPollInterval(500);
        computation = results.computeAsync(new StudyId(studyId)).whenComplete((done, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            progress.setVisible(false);
            compute.setEnabled(true);
            computation = null;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                status.setText("The computation failed: " + cause.getMessage());
            } else {
                status.setText("Results computed from round " + done.roundNumber() + " and stored.");
                ui.refreshCurrentRoute(false);
            }
        }));
    }

    private void show(StudyResults result) {
        body.add(new Paragraph(summary(result)));
        body.add(new H2("Overall scores"));
        body.add(new ChartPanel(Charts.forest(result), "overall-scores-round-" + result.roundNumber()));
        body.add(new H2("Scores by target, dimension and sub-dimension"));
        body.add(createScoresTable(result));
        body.add(new H2("Rank probabilities"));
        body.add(new Paragraph("The share of bootstrap replicates in which the row's overall score is above the"
                + " column's (ties count half). 50% means the panel cannot tell the two apart."));
        body.add(createRankTable(result));
        body.add(new H2("Sensitivity"));
        body.add(new Paragraph("The ranking by the median of the experts' grades (used above) and by their mean."));
        body.add(createSensitivityTable(result));
        body.add(new Paragraph("Leave one expert out: the change in each target's overall score when one expert's"
                + " ratings are removed (positive: that expert pulled the score down)."));
        body.add(createInfluenceTable(result));
    }

    private static String summary(StudyResults result) {
        int experts = result.targets().stream().mapToInt(StudyResults.TargetScores::experts).max().orElse(0);
        return "Computed from the ratings of round " + result.roundNumber() + " (the latest closed round when computed),"
                + " after " + result.roundsBehind() + " Delphi round" + (result.roundsBehind() == 1 ? "" : "s") + ", by up to "
                + experts + " experts. Cell scores are the " + result.content().aggregation() + " of the experts' grades,"
                + " weighted up the rubric. Ranges: " + result.content().intervalMethod() + ", B = "
                + String.format("%,d", result.replicates()) + ", seed " + result.seed() + ". Computed "
                + Format.when(result.computedAt()) + " by " + result.computedBy() + ". "
                + (result.published() ? "Published " + Format.when(result.publishedAt()) + "."
                        : "Not published: the study's experts cannot see these results yet.");
    }

    private static com.vaadin.flow.component.Component createScoresTable(StudyResults result) {
        List<String> headers = new ArrayList<>();
        headers.add("Node");
        result.targets().forEach(t -> headers.add(t.target()));
        List<Table.Row> rows = new ArrayList<>();
        for (StudyResults.Node node : result.nodes()) {
            List<String> cells = new ArrayList<>();
            cells.add("  ".repeat(node.depth()) + node.name() + " (weight " + Format.percent(node.effectiveWeight()) + ")");
            for (StudyResults.TargetScores target : result.targets()) {
                StudyResults.NodeScore score = target.score(node.code());
                cells.add(Format.scoreWithRange(score) + (score.band() == null ? "" : " " + score.band()));
            }
            rows.add(new Table.Row(cells, Map.of("data-node", node.code())));
        }
        List<String> experts = new ArrayList<>(List.of("Experts behind the scores"));
        result.targets().forEach(t -> experts.add(t.experts() + " experts, " + result.roundsBehind() + " rounds"));
        rows.add(new Table.Row(experts, Map.of("data-node", "experts")));
        return Table.of("Weighted maturity score [" + Math.round(result.content().level() * 100)
                + "% range] and band, per target (columns) and rubric node (rows)", headers, rows);
    }

    private static com.vaadin.flow.component.Component createRankTable(StudyResults result) {
        List<String> names = result.targets().stream().map(StudyResults.TargetScores::target).toList();
        Map<String, Double> probability = new LinkedHashMap<>();
        result.content().rankProbabilities().forEach(r -> probability.put(r.target() + "\u0000" + r.other(),
                r.probability()));
        List<String> headers = new ArrayList<>(List.of("P(row above column)"));
        headers.addAll(names);
        List<Table.Row> rows = new ArrayList<>();
        for (String row : names) {
            List<String> cells = new ArrayList<>(List.of(row));
            for (String column : names) {
                Double p = probability.get(row + "\u0000" + column);
                cells.add(row.equals(column) ? "—" : p == null ? "undefined" : Format.percent(p));
            }
            rows.add(new Table.Row(cells));
        }
        return Table.of("Probability that the row's overall score is above the column's", headers, rows);
    }

    private static com.vaadin.flow.component.Component createSensitivityTable(StudyResults result) {
        List<Table.Row> rows = result.content().sensitivity().stream()
                .sorted(Comparator.comparingInt(StudyResults.RankChange::medianRank))
                .map(r -> new Table.Row(List.of(r.target(), Format.two(r.median()), String.valueOf(r.medianRank()),
                        Format.two(r.mean()), String.valueOf(r.meanRank()),
                        r.medianRank() == r.meanRank() ? "same rank" : "moves " + (r.medianRank() - r.meanRank() > 0 ? "up " : "down ")
                                + Math.abs(r.medianRank() - r.meanRank()))))
                .toList();
        return Table.of("Ranking by median and by mean", List.of("Target", "Overall (median)", "Rank (median)",
                "Overall (mean)", "Rank (mean)", "With the mean"), rows);
    }

    private static com.vaadin.flow.component.Component createInfluenceTable(StudyResults result) {
        List<String> names = result.targets().stream().map(StudyResults.TargetScores::target).toList();
        Map<String, List<StudyResults.Influence>> byExpert = new LinkedHashMap<>();
        result.content().leaveOneOut().forEach(i -> byExpert.computeIfAbsent(i.expert(), k -> new ArrayList<>()).add(i));
        List<String> headers = new ArrayList<>(List.of("Without"));
        headers.addAll(names);
        List<Table.Row> rows = new ArrayList<>();
        byExpert.forEach((expert, deltas) -> {
            List<String> cells = new ArrayList<>(List.of(expert));
            for (String target : names) {
                deltas.stream().filter(d -> d.target().equals(target)).findFirst().ifPresentOrElse(
                        d -> cells.add(d.delta() == null ? "undefined" : signed(d.delta())), () -> cells.add("—"));
            }
            rows.add(new Table.Row(cells));
        });
        return Table.of("Change in the overall score without each expert", headers, rows);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + Format.two(value);
    }

    static Paragraph notice(String text) {
        var paragraph = new Paragraph(text);
        paragraph.addClassName("dp-notice");
        paragraph.getElement().setAttribute("role", "alert");
        return paragraph;
    }
}
