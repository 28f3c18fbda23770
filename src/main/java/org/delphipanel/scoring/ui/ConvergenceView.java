package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.delphipanel.scoring.Convergence;
import org.delphipanel.scoring.ConvergenceService;
import org.delphipanel.stats.ClauseResult;
import org.delphipanel.stats.Outcome;
import org.delphipanel.stats.WilcoxonSignedRank;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.springframework.security.access.AccessDeniedException;

/** How the panel converged over the closed rounds, and what the study's stopping rule advises. */
@Route("studies/:studyId([0-9]+)/convergence")
@PageTitle("Convergence · Delphi Panel")
@RolesAllowed({"FACILITATOR", "ADMIN"})
class ConvergenceView extends VerticalLayout implements BeforeEnterObserver {

    private final transient ConvergenceService service;

    ConvergenceView(ConvergenceService service) {
        this.service = service;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long studyId = ScoringNav.studyId(event);
        removeAll();
        add(new H1("Convergence"));
        if (studyId < 1) {
            // not a number, or too long for one (the route accepts any digits)
            add(ResultsView.notice("There is no such study."));
            return;
        }
        Convergence convergence;
        try {
            convergence = service.convergence(new StudyId(studyId));
        } catch (AccessDeniedException | StudyNotFoundException refused) {
            add(ResultsView.notice(refused.getMessage()));
            return;
        }
        add(ScoringNav.of(studyId, true));
        if (convergence.rounds().isEmpty()) {
            add(new Paragraph("No round has closed yet. Convergence compares closed rounds; an open round's live"
                    + " figures are on the review page."));
            return;
        }
        add(new Paragraph("Closed rounds only: an open round's partial ratings would look like movement that has not"
                + " happened. A rating \"changed\" when it moved by more than "
                + Format.two(convergence.changeThreshold()) + " grades."));
        add(createStopping(convergence.stopping()));
        add(new H2("The panel by round"));
        add(createRounds(convergence));
        add(new H2("Median and IQR by round, per cell"));
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(convergence.cells().stream()
                .map(Convergence.CellTrajectory::target).toList()));
        List<String> criteria = new ArrayList<>(new LinkedHashSet<>(convergence.cells().stream()
                .map(Convergence.CellTrajectory::criterion).toList()));
        add(new ChartPanel(Charts.trajectories(convergence, targets, criteria), "convergence-by-cell"));
        add(createCells(convergence));
    }

    private static Component createStopping(Convergence.StoppingAdvice advice) {
        var box = new Div();
        box.addClassName("dp-attention");
        box.getElement().setAttribute("role", "status");
        box.add(new H2(advice.stop() ? "Recommendation: stop" : "Recommendation: run another round"));
        box.add(new Paragraph(advice.summary()));
        box.add(new Paragraph("The study's stopping rule: " + advice.rule()));
        var clauses = new UnorderedList();
        for (ClauseResult clause : advice.clauses()) {
            clauses.add(new ListItem(clause.clause() + ": observed " + Format.outcome(clause.observed()) + ", bound "
                    + Format.outcome(clause.bound()) + " — " + (clause.passed() ? "holds" : "does not hold")));
        }
        box.add(clauses);
        return box;
    }

    private static Component createRounds(Convergence convergence) {
        List<Table.Row> rows = convergence.rounds().stream().map(r -> new Table.Row(List.of(
                "Round " + r.number(),
                String.valueOf(r.ratings()),
                r.cellsWithConsensus() + " of " + r.cells() + " (" + Format.percent(r.consensusShare()) + ")",
                Format.outcome(r.alphaOrdinal()),
                Format.outcome(r.kendallW()),
                r.change() == null ? "—" : r.change().changed() + " of " + r.change().pairs() + " ("
                        + (r.change().fractionChanged().isDefined() ? Format.percent(r.change().fractionChanged().orElseThrow())
                                : "undefined") + ")",
                r.change() == null ? "—" : wilcoxon(r.change().wilcoxon())), java.util.Map.of("data-round",
                        String.valueOf(r.number())))).toList();
        return Table.of("Consensus, agreement and change by round", List.of("Round", "Ratings", "Cells with consensus",
                "Krippendorff's alpha (ordinal)", "Kendall's W", "Ratings changed since previous round",
                "Wilcoxon signed-rank (pooled, descriptive)"), rows);
    }

    private static Component createCells(Convergence convergence) {
        int rounds = convergence.rounds().size();
        List<String> headers = new ArrayList<>(List.of("Cell"));
        for (int r = 0; r < rounds; r++) {
            headers.add("Median / IQR, round " + convergence.rounds().get(r).number());
        }
        headers.add("Experts changing (last step)");
        headers.add("Wilcoxon (last step)");
        headers.add("Consensus now");
        List<Table.Row> rows = new ArrayList<>();
        for (Convergence.CellTrajectory cell : convergence.cells()) {
            List<String> cells = new ArrayList<>(List.of(cell.target() + " × " + cell.criterion()));
            for (int r = 0; r < rounds; r++) {
                cells.add(Format.outcome(cell.medians().get(r)) + " / " + Format.outcome(cell.iqrs().get(r)));
            }
            cells.add(cell.fractionChanged().isEmpty() ? "—" : cell.fractionChanged().getLast().isDefined()
                    ? Format.percent(cell.fractionChanged().getLast().orElseThrow()) : "undefined");
            cells.add(cell.wilcoxon().isEmpty() ? "—" : wilcoxon(cell.wilcoxon().getLast()));
            cells.add(cell.consensusInLatest() ? "✓ yes" : "✗ no");
            rows.add(new Table.Row(cells));
        }
        return Table.of("Each cell over the rounds", headers, rows);
    }

    static String wilcoxon(Outcome<WilcoxonSignedRank> test) {
        if (test instanceof Outcome.Undefined<WilcoxonSignedRank> undefined) {
            return "undefined (" + undefined.reason() + ")";
        }
        WilcoxonSignedRank w = test.orElseThrow();
        String p = w.pExact().isDefined() ? "exact p = " + Format.three(w.pExact().orElseThrow())
                : "normal p = " + Format.three(w.pNormalCorrected());
        return "V = " + Format.two(w.v()) + ", n = " + w.nonZero() + ", " + p;
    }
}
