package org.delphipanel.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.ExpertProgress;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyState;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** The rounds so far, opening and closing them, each expert's progress, and finishing the study. */
class RoundsSection extends VerticalLayout {

    private final transient SetupContext setup;
    private final DateTimePicker deadline = new DateTimePicker("Deadline (UTC, optional)");
    private final Paragraph error = Feedback.alertLine("rounds-error");

    RoundsSection(SetupContext setup) {
        this.setup = setup;
        setPadding(false);
        Study study = setup.study();
        List<Round> rounds = setup.studies().rounds(study.id());
        Optional<Round> open = rounds.stream().filter(Round::isOpen).findFirst();
        add(createRoundsGrid(rounds), error);
        boolean finished = study.state() == StudyState.FINISHED || study.state() == StudyState.PUBLISHED;
        if (open.isPresent()) {
            add(createClose(open.get()));
        } else if (finished) {
            var done = new Paragraph("The study is finished: no more rounds open.");
            done.setId("rounds-finished");
            add(done);
        } else if (rounds.size() < study.rules().maxRounds()) {
            add(createOpen(rounds.size() + 1, study));
        } else {
            var last = new Paragraph("All " + study.rules().maxRounds() + " rounds the rules allow have run.");
            last.setId("rounds-max");
            add(last);
        }
        if (study.state() == StudyState.RUNNING && open.isEmpty()) {
            add(createFinish());
        }
        setup.studies().currentRound(study.id()).ifPresent(current -> add(createProgress(current)));
    }

    private Grid<Round> createRoundsGrid(List<Round> rounds) {
        var grid = new Grid<Round>();
        grid.setId("rounds-grid");
        grid.setAriaLabel("Rounds");
        grid.addColumn(r -> "Round " + r.number()).setHeader("Round").setAutoWidth(true);
        grid.addColumn(r -> switch (r.state()) {
            case DRAFT -> "Being prepared";
            case OPEN -> "Open";
            case CLOSED -> "Closed";
        }).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> Texts.dateTime(r.openedAt())).setHeader("Opened").setAutoWidth(true);
        grid.addColumn(r -> r.closesAt() == null ? "None" : Texts.dateTime(r.closesAt())).setHeader("Deadline")
                .setAutoWidth(true);
        grid.addColumn(r -> Texts.dateTime(r.closedAt())).setHeader("Closed").setAutoWidth(true);
        grid.setItems(rounds);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No round has opened yet.");
        return grid;
    }

    private Component createOpen(int number, Study study) {
        var heading = new H3("Open round " + number);
        var explanation = new Paragraph(number == 1
                ? "Opening round 1 fixes the rules, the targets and the question. The study needs at least one target"
                        + " and one expert."
                : "Experts see the feedback of round " + (number - 1) + " while they rate round " + number + ".");
        deadline.setId("round-deadline");
        deadline.setHelperText("Without a deadline the round stays open until you close it. With one, it closes by"
                + " itself when the deadline passes.");
        var openButton = new Button("Open round " + number, event -> open());
        openButton.setId("round-open");
        openButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(deadline, openButton);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        var section = new VerticalLayout(heading, explanation, row);
        section.setPadding(false);
        return section;
    }

    private void open() {
        error.setText("");
        LocalDateTime value = deadline.getValue();
        @Nullable Instant closesAt = value == null ? null : value.toInstant(ZoneOffset.UTC);
        try {
            Round round = setup.studies().openNextRound(setup.userId(), setup.studyId(), closesAt);
            Feedback.done("Round " + round.number() + " is open.");
            setup.refresh().run();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private Component createClose(Round round) {
        var heading = new H3("Round " + round.number() + " is open");
        var status = new Paragraph(round.closesAt() == null
                ? "It has no deadline: it stays open until you close it."
                : "It closes by itself at " + Texts.dateTime(round.closesAt()) + ".");
        var closeButton = new Button("Close round " + round.number(), event -> confirmClose(round));
        closeButton.setId("round-close");
        closeButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var section = new VerticalLayout(heading, status, closeButton);
        section.setPadding(false);
        return section;
    }

    private void confirmClose(Round round) {
        var confirm = new ConfirmDialog();
        confirm.setId("close-confirm");
        confirm.setHeader("Close round " + round.number() + "?");
        confirm.setText("Experts can no longer change their ratings in round " + round.number()
                + ". The round's statistics are computed and stored for the feedback. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it open");
        confirm.setConfirmText("Close round " + round.number());
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> close(round));
        confirm.open();
    }

    private void close(Round round) {
        error.setText("");
        try {
            setup.studies().closeRound(setup.userId(), round.id());
            Feedback.done("Round " + round.number() + " is closed.");
            setup.refresh().run();
        } catch (ConcurrentChangeException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private Component createFinish() {
        var finish = new Button("Finish study", event -> {
            var confirm = new ConfirmDialog();
            confirm.setId("finish-confirm");
            confirm.setHeader("Finish the study?");
            confirm.setText("No more rounds can open after this. This cannot be undone.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Finish study");
            confirm.addConfirmListener(confirmed -> finish());
            confirm.open();
        });
        finish.setId("study-finish");
        return finish;
    }

    private void finish() {
        error.setText("");
        try {
            setup.studies().finishStudy(setup.userId(), setup.studyId());
            Feedback.done("The study is finished.");
            setup.refresh().run();
        } catch (IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private Component createProgress(Round round) {
        var heading = new H3("Progress in round " + round.number());
        var grid = new Grid<ExpertProgress>();
        grid.setId("progress-grid");
        grid.setAriaLabel("Progress of each expert in round " + round.number());
        grid.addColumn(p -> p.expert().panelist().pseudonym()).setHeader("Pseudonym").setAutoWidth(true);
        grid.addColumn(p -> p.expert().displayName()).setHeader("Name").setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(p -> "Rated " + p.rated() + " of " + p.cells()).setHeader("Cells").setAutoWidth(true);
        grid.addColumn(p -> p.submittedAt() == null ? "Not submitted" : "Submitted " + Texts.dateTime(p.submittedAt()))
                .setHeader("Submitted").setAutoWidth(true);
        grid.setItems(setup.studies().progress(setup.userId(), round.id()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No experts on the panel.");
        var note = new Paragraph("Names are shown to facilitators only; experts see each other by pseudonym.");
        var section = new VerticalLayout(heading, grid, note);
        section.setPadding(false);
        return section;
    }
}
