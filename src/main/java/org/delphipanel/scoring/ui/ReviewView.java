package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.delphipanel.scoring.Dispersion;
import org.delphipanel.scoring.ReviewService;
import org.delphipanel.scoring.RoundProgress;
import org.delphipanel.scoring.Triage;
import org.delphipanel.study.Round;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.delphipanel.study.StudyService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A round as its facilitators see it, live while it is open: who has rated how much, the heatmap of
 * disagreement, and the most contested cells with why, how the ratings fall, who is outside the IQR
 * and what the experts wrote.
 */
@Route("studies/:studyId([0-9]+)/review")
@PageTitle("Review · Delphi Panel")
@RolesAllowed({"FACILITATOR", "ADMIN"})
class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    /** How many contested cells are listed in full. */
    static final int CONTESTED_SHOWN = 10;

    private final transient ReviewService review;
    private final transient StudyService studies;
    private final Div triageArea = new Div();
    private long studyId;
    private @Nullable Triage triage;

    ReviewView(ReviewService review, StudyService studies) {
        this.review = review;
        this.studies = studies;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        studyId = ScoringNav.studyId(event);
        removeAll();
        add(new H1("Review"));
        if (studyId < 1) {
            // not a number, or too long for one (the route accepts any digits)
            add(ResultsView.notice("There is no such study."));
            return;
        }
        Optional<Round> current;
        try {
            current = review.currentRound(new StudyId(studyId));
        } catch (AccessDeniedException | StudyNotFoundException refused) {
            add(ResultsView.notice(refused.getMessage()));
            return;
        }
        add(ScoringNav.of(studyId, true));
        if (current.isEmpty()) {
            add(new Paragraph("No round has opened yet."));
            return;
        }
        List<Round> rounds = studies.rounds(new StudyId(studyId));
        var roundSelect = new Select<Round>();
        roundSelect.setLabel("Round");
        roundSelect.setItems(rounds);
        roundSelect.setItemLabelGenerator(r -> "Round " + r.number() + " (" + r.state().name().toLowerCase() + ")");
        roundSelect.setValue(current.get());
        var content = new Div();
        roundSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showRound(content, e.getValue());
            }
        });
        add(roundSelect, content);
        showRound(content, current.get());
    }

    private void showRound(Div content, Round round) {
        content.removeAll();
        try {
            RoundProgress progress = review.progress(new StudyId(studyId), round.id());
            triage = review.triage(new StudyId(studyId), round.id());
            content.add(createProgress(progress), createTriage(triage));
        } catch (AccessDeniedException refused) {
            content.add(ResultsView.notice(refused.getMessage()));
        }
    }

    @Nullable Triage triage() {
        return triage;
    }

    private Component createProgress(RoundProgress progress) {
        var section = new Div();
        section.add(new H2("Progress of round " + progress.roundNumber()));
        section.add(new Paragraph(progress.submitted() + " of " + progress.experts().size() + " experts submitted · "
                + (progress.deadline() == null ? "no deadline" : "closes " + Format.when(progress.deadline())) + " · "
                + progress.state().name().toLowerCase()));
        section.add(Table.of("Per expert (names are shown to facilitators only)",
                List.of("Expert", "Cells rated", "Submitted"),
                progress.experts().stream().map(e -> new Table.Row(List.of(e.name(),
                        e.rated() + " of " + e.expected() + " (" + Format.percent((double) e.rated() / e.expected()) + ")",
                        e.submittedAt() == null ? "not yet" : Format.when(e.submittedAt())))).toList()));
        section.add(Table.of("Per target", List.of("Target", "Ratings"), counts(progress.perTarget())));
        section.add(Table.of("Per criterion", List.of("Criterion", "Ratings"), counts(progress.perCriterion())));
        if (progress.state() == org.delphipanel.study.RoundState.OPEN && !progress.behind().isEmpty()) {
            var reminder = new TextArea("Reminder for the experts who have not submitted");
            reminder.setValue(reminderText(progress));
            reminder.setReadOnly(true);
            reminder.setWidthFull();
            var copy = new Button("Copy reminder", e -> UI.getCurrent().getPage()
                    .executeJs("navigator.clipboard.writeText($0)", reminder.getValue()));
            section.add(reminder, copy);
        }
        return section;
    }

    static String reminderText(RoundProgress progress) {
        var text = new StringBuilder("To: ");
        text.append(String.join(", ", progress.behind().stream().map(RoundProgress.ExpertProgress::email).toList()));
        text.append("\n\nRound ").append(progress.roundNumber()).append(" of \"").append(progress.studyName())
                .append("\" is open").append(progress.deadline() == null ? "" : " until " + Format.when(progress.deadline()))
                .append(". Please rate your remaining cells and press \"Submit round\" on your home page.\n\n");
        for (RoundProgress.ExpertProgress expert : progress.behind()) {
            text.append("- ").append(expert.name()).append(": ").append(expert.rated()).append(" of ")
                    .append(expert.expected()).append(" cells rated\n");
        }
        return text.toString();
    }

    private static List<Table.Row> counts(List<RoundProgress.Count> counts) {
        return counts.stream().map(c -> new Table.Row(List.of(c.label(),
                c.rated() + " of " + c.expected() + " (" + Format.percent(c.share()) + ")"))).toList();
    }

    private Component createTriage(Triage result) {
        var section = new Div();
        section.add(new H2("Disagreement triage, round " + result.roundNumber()));
        if (result.live()) {
            section.add(ResultsView.notice("Live: this round is open, so these figures change as ratings arrive."
                    + " Experts never see them."));
        }
        section.add(new Paragraph(result.cellsWithConsensus() + " of " + result.cells().size()
                + " cells have consensus under the study's rule " + result.consensusRule() + " (quartiles: Hyndman-Fan "
                + result.quantileType().name().toLowerCase().replace('_', ' ') + ")."));
        var measure = new Select<Dispersion>();
        measure.setLabel("Colour the heatmap by");
        measure.setItems(Dispersion.values());
        measure.setItemLabelGenerator(Dispersion::label);
        measure.setValue(Dispersion.IQR);
        var heatmap = new Div(heatmap(result, Dispersion.IQR));
        measure.addValueChangeListener(e -> {
            heatmap.removeAll();
            heatmap.add(heatmap(result, e.getValue() == null ? Dispersion.IQR : e.getValue()));
        });
        section.add(measure, heatmap);
        section.add(new H2("Most contested cells"));
        List<Triage.Cell> ranked = result.mostContestedFirst();
        for (int i = 0; i < Math.min(CONTESTED_SHOWN, ranked.size()); i++) {
            section.add(createContested(i + 1, ranked.get(i), result.roundNumber()));
        }
        return section;
    }

    private static ChartPanel heatmap(Triage result, Dispersion measure) {
        return new ChartPanel(Charts.heatmap(result, measure),
                "heatmap-round-" + result.roundNumber() + "-" + measure.name().toLowerCase());
    }

    private static Component createContested(int rank, Triage.Cell cell, int round) {
        var card = new Div();
        card.addClassName("dp-card");
        card.getElement().setAttribute("data-cell", cell.target() + " × " + cell.criterion());
        card.add(new H3(rank + ". " + cell.target() + " × " + cell.criterion()
                + (cell.consensus() ? " — consensus" : " — no consensus")));
        var reasons = new UnorderedList();
        cell.reasons().forEach(r -> reasons.add(new ListItem(r)));
        card.add(reasons);
        card.add(new Paragraph(cell.n() + " ratings · median " + Format.outcome(cell.median()) + " · IQR "
                + Format.outcome(cell.iqr()) + " · rwg " + Format.outcome(cell.rwg()) + " · within ±1 "
                + (cell.shareWithinOne().isDefined() ? Format.percent(cell.shareWithinOne().orElseThrow()) : "undefined")));
        if (cell.n() > 0) {
            card.add(new ChartPanel(Charts.distribution(cell), "ratings-round-" + round + "-" + slug(cell.target()) + "-"
                    + cell.criterionCode()));
        }
        card.add(new Paragraph(cell.outsideIqr().isEmpty() ? "No rating lies outside the IQR."
                : "Outside the IQR: " + String.join("; ", cell.outsideIqr())));
        if (!cell.rationales().isEmpty()) {
            var groups = new Div();
            for (Triage.RationaleGroup group : cell.rationales()) {
                groups.add(new H3(group.label()));
                var list = new UnorderedList();
                group.rationales().forEach(r -> list.add(new ListItem(r)));
                groups.add(list);
            }
            card.add(new Details("Rationales by rating level (anonymised)", groups));
        }
        return card;
    }

    static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
