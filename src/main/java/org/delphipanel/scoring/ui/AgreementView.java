package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.ReviewService;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The panel's agreement in a chosen round and scope: Krippendorff's alpha with bootstrap intervals,
 * the ICC forms, Kendall's W, Fleiss' kappa and Gwet's AC1 and AC2, each with its band and source. Computed
 * in the background.
 */
@Route("studies/:studyId([0-9]+)/agreement")
@PageTitle("Agreement · Delphi Panel")
@RolesAllowed({"FACILITATOR", "ADMIN"})
class AgreementView extends VerticalLayout implements BeforeEnterObserver {

    /** A choice in the scope menu. */
    record ScopeChoice(String label, AgreementScope scope) {
    }

    private final transient AgreementService agreement;
    private final transient ReviewService review;
    private final transient StudyService studies;
    private final transient FrameworkService frameworks;
    private final Select<Round> roundSelect = new Select<>();
    private final Select<ScopeChoice> scopeSelect = new Select<>();
    private final ProgressBar progress = new ProgressBar();
    private final Div report = new Div();
    private long studyId;
    private @Nullable CompletableFuture<?> computation;

    AgreementView(AgreementService agreement, ReviewService review, StudyService studies, FrameworkService frameworks) {
        this.agreement = agreement;
        this.review = review;
        this.studies = studies;
        this.frameworks = frameworks;
        addClassName("dp-view");
        setPadding(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        studyId = ScoringNav.studyId(event);
        removeAll();
        add(new H1("Agreement"));
        if (studyId < 1) {
            // not a number, or too long for one (the route accepts any digits)
            add(ResultsView.notice("There is no such study."));
            return;
        }
        Round current;
        try {
            var round = review.currentRound(new StudyId(studyId));
            if (round.isEmpty()) {
                add(ScoringNav.of(studyId, true), new Paragraph("No round has opened yet."));
                return;
            }
            current = round.get();
        } catch (AccessDeniedException | StudyNotFoundException refused) {
            add(ResultsView.notice(refused.getMessage()));
            return;
        }
        add(ScoringNav.of(studyId, true));
        Study study = studies.study(new StudyId(studyId));
        roundSelect.setLabel("Round");
        roundSelect.setItems(studies.rounds(study.id()));
        roundSelect.setItemLabelGenerator(r -> "Round " + r.number() + " (" + r.state().name().toLowerCase() + ")");
        roundSelect.setValue(current);
        List<ScopeChoice> scopes = new ArrayList<>();
        scopes.add(new ScopeChoice("All cells", AgreementScope.allCells()));
        for (Criterion criterion : frameworks.find(study.frameworkId()).orElseThrow().criteria()) {
            scopes.add(new ScopeChoice("Criterion: " + criterion.name(), AgreementScope.criterion(criterion.id())));
        }
        for (Target target : studies.targets(study.id())) {
            scopes.add(new ScopeChoice("Target: " + target.name(), AgreementScope.target(target.id())));
        }
        scopeSelect.setLabel("Scope");
        scopeSelect.setItems(scopes);
        scopeSelect.setItemLabelGenerator(ScopeChoice::label);
        scopeSelect.setValue(scopes.getFirst());
        roundSelect.addValueChangeListener(e -> compute());
        scopeSelect.addValueChangeListener(e -> compute());
        add(new HorizontalLayout(roundSelect, scopeSelect), progress, report);
        add(new Paragraph("Units are the cells in the scope, raters the experts. Alpha's intervals are percentile"
                + " bootstraps with B = " + String.format("%,d", AgreementService.REPLICATES) + " and a fixed seed, so"
                + " the same round and scope always show the same interval. ICC and Kendall's W need every expert"
                + " to have rated every cell; an open round usually has gaps, and the table says so."));
        compute();
    }

    @Nullable CompletableFuture<?> computation() {
        return computation;
    }

    private void compute() {
        Round round = roundSelect.getValue();
        ScopeChoice scope = scopeSelect.getValue();
        if (round == null || scope == null) {
            return;
        }
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        report.removeAll();
        report.add(new Paragraph("Computing the agreement statistics in the background…"));
        ui.setPollInterval(500);
        computation = agreement.agreementAsync(new StudyId(studyId), round.id(), scope.scope())
                .whenComplete((result, failure) -> ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    computation = null;
                    report.removeAll();
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        report.add(ResultsView.notice("The statistics could not be computed: " + cause.getMessage()));
                    } else {
                        show(result);
                    }
                }));
    }

    private void show(AgreementReport result) {
        if (result.live()) {
            report.add(ResultsView.notice("Live: round " + result.roundNumber() + " is open; these figures change as"
                    + " ratings arrive."));
        }
        report.add(new Paragraph("Round " + result.roundNumber() + ", " + result.scope() + ", " + result.raters()
                + " experts, " + result.ratings() + " ratings."));
        List<Table.Row> rows = result.statistics().stream().map(s -> new Table.Row(List.of(
                s.name(),
                Format.outcome(s.value()),
                s.lower() == null || s.upper() == null ? "—" : "[" + Format.two(s.lower()) + ", " + Format.two(s.upper()) + "]",
                s.interval(),
                s.value().isDefined() ? s.band() : "undefined",
                s.source(),
                s.use()), java.util.Map.of("data-statistic", s.name()))).toList();
        report.add(Table.of("Agreement statistics with their interpretation bands", List.of("Statistic", "Value",
                "95% interval", "Interval", "Band", "Band source", "Fits when"), rows));
    }
}
