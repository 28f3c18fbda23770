package org.delphipanel.rating.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.delphipanel.base.ui.RouteIds;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.base.ui.Times;
import org.delphipanel.rating.CellState;
import org.delphipanel.rating.CellStatus;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RoundProgress;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetId;
import org.springframework.security.access.AccessDeniedException;

/** An expert's overview of the open round: every target x criterion cell with its status, and submitting. */
@Route("rate/:studyId")
@PageTitle("Your ratings · Delphi Panel")
@RolesAllowed("EXPERT")
class RatingOverviewView extends VerticalLayout implements BeforeEnterObserver {

    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;
    private final UserService users;

    private final Paragraph submitStatus = new Paragraph();

    RatingOverviewView(StudyService studies, FrameworkService frameworks, RatingService ratings, UserService users) {
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
        this.users = users;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long userId = users.requireCurrentUser("rate").id().value();
        Optional<StudyId> studyId = RouteIds.positive(event.getRouteParameters(), "studyId").map(StudyId::new);
        // a study whose panel the user is not on is "not found": its name and question are not theirs to read
        Optional<Study> study = studyId.flatMap(studies::findStudy)
                .filter(s -> studies.panelist(s.id(), userId).isPresent());
        if (study.isEmpty()) {
            add(new H1("Study not found"), new Paragraph("There is no study at this address."));
            return;
        }
        add(new H1(study.get().name()));
        if (study.get().question() != null) {
            add(new Paragraph(study.get().question()));
        }
        Optional<Round> round = studies.currentRound(study.get().id());
        if (round.isEmpty() || !round.get().isOpen()) {
            add(new Paragraph(round.isEmpty() ? "No round has opened yet."
                    : "Round " + round.get().number() + " is closed. You will be able to rate again when the"
                            + " facilitator opens the next round."));
            return;
        }
        RoundProgress progress;
        try {
            progress = ratings.progress(userId, round.get().id());
        } catch (AccessDeniedException e) {
            add(new Paragraph("You cannot rate in this study: " + e.getMessage() + "."));
            return;
        }
        List<Criterion> criteria = frameworks.find(study.get().frameworkId()).orElseThrow().criteria();
        List<Target> targets = studies.targets(study.get().id());
        add(createRoundLine(progress), createTable(study.get(), progress, targets, criteria),
                createSubmit(userId, progress, targets, criteria));
    }

    private Component createRoundLine(RoundProgress progress) {
        var line = new Paragraph("Round " + progress.roundNumber() + " · " + RatingTexts.deadline(progress.deadline())
                + " · " + progress.summary());
        line.setId("round-progress");
        line.getElement().setAttribute("role", "status");
        return line;
    }

    private Component createTable(Study study, RoundProgress progress, List<Target> targets, List<Criterion> criteria) {
        Map<String, CellState> byCell = progress.cells().stream().collect(Collectors.toMap(
                c -> c.cell().targetId().value() + "/" + c.cell().criterionId(), Function.identity()));
        var table = new NativeTable();
        table.setCaptionText("Your cells in round " + progress.roundNumber() + ": targets by criteria");
        table.addClassName("dp-rating-table");
        NativeTableRow head = table.getHead().addRow();
        head.add(columnHeader("Target"));
        criteria.forEach(c -> head.add(columnHeader(c.code() + " " + c.name())));
        for (Target target : targets) {
            NativeTableRow row = table.getBody().addRow();
            var name = new NativeTableHeaderCell(target.name());
            name.getElement().setAttribute("scope", "row");
            row.add(name);
            for (Criterion criterion : criteria) {
                CellState state = byCell.get(target.id().value() + "/" + criterion.id());
                row.add(new NativeTableCell(createCellLink(study, target, criterion, state)));
            }
        }
        var scroller = new Div(table);
        scroller.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        return scroller;
    }

    private static NativeTableHeaderCell columnHeader(String text) {
        var cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    private static Component createCellLink(Study study, Target target, Criterion criterion, CellState state) {
        String grade = state.rating() == null ? null : RatingTexts.grade(state.rating().grade());
        var link = new RouterLink(RateCellView.class, cellParameters(study.id(), target.id(), criterion.code()));
        link.add(RatingTexts.badge(state.status(), state.status() == CellStatus.SETTLED ? null : grade));
        link.getElement().setAttribute("aria-label", target.name() + ", " + criterion.name() + ": "
                + state.status().label() + (grade == null || state.status() == CellStatus.SETTLED ? "" : ", " + grade));
        return link;
    }

    static RouteParameters cellParameters(StudyId studyId, TargetId targetId, String criterionCode) {
        return new RouteParameters(Map.of("studyId", Long.toString(studyId.value()),
                "targetId", Long.toString(targetId.value()), "criterionCode", criterionCode));
    }

    private Component createSubmit(long userId, RoundProgress progress, List<Target> targets, List<Criterion> criteria) {
        var section = new Div();
        section.addClassName("dp-submit");
        section.add(new H2("Submit round " + progress.roundNumber()));
        section.add(new Paragraph(progress.submittedAt() == null
                ? "When you are done, submit the round. You can still change your ratings until it closes."
                : "You submitted this round at " + Times.dateTime(progress.submittedAt())
                        + ". You can still change your ratings until it closes."));
        section.add(createMissing(progress, targets, criteria));
        var submit = new Button("Submit round", e -> confirmSubmit(userId, progress, targets, criteria));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submitStatus.setId("submit-status");
        submitStatus.getElement().setAttribute("aria-live", "polite");
        section.add(submit, submitStatus);
        return section;
    }

    private static Component createMissing(RoundProgress progress, List<Target> targets, List<Criterion> criteria) {
        var box = new Div();
        box.setId("missing-cells");
        if (progress.notRated().isEmpty() && progress.needingRationale().isEmpty()) {
            box.add(new Paragraph("Every cell of this round is rated."));
            return box;
        }
        if (!progress.notRated().isEmpty()) {
            box.add(new Paragraph("Not rated yet (" + progress.notRated().size() + "):"));
            box.add(list(progress.notRated(), targets, criteria));
        }
        if (!progress.needingRationale().isEmpty()) {
            box.add(new Paragraph("Rated but needing a rationale (" + progress.needingRationale().size() + "):"));
            box.add(list(progress.needingRationale(), targets, criteria));
        }
        return box;
    }

    private static UnorderedList list(List<CellState> cells, List<Target> targets, List<Criterion> criteria) {
        var list = new UnorderedList();
        for (CellState cell : cells) {
            String target = targets.stream().filter(t -> t.id().equals(cell.cell().targetId())).map(Target::name)
                    .findFirst().orElse("?");
            String criterion = criteria.stream().filter(c -> c.id() == cell.cell().criterionId())
                    .map(c -> c.code() + " " + c.name()).findFirst().orElse("?");
            list.add(new ListItem(target + " – " + criterion));
        }
        return list;
    }

    private void confirmSubmit(long userId, RoundProgress progress, List<Target> targets, List<Criterion> criteria) {
        int missing = progress.notRated().size() + progress.needingRationale().size();
        if (missing == 0) {
            submit(userId, progress);
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle("Submit with " + missing + " cells not done?");
        dialog.add(createMissing(progress, targets, criteria));
        var confirm = new Button("Submit anyway", e -> {
            dialog.close();
            submit(userId, progress);
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Keep rating", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void submit(long userId, RoundProgress progress) {
        RoundProgress after = ratings.submit(userId, progress.roundId());
        submitStatus.setText("Round " + after.roundNumber() + " submitted: " + after.summary()
                + ". You can still change your ratings until the round closes.");
    }
}
