package org.delphipanel.rating.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.delphipanel.base.ui.RouteIds;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.base.ui.Times;
import org.delphipanel.rating.CellFeedback;
import org.delphipanel.rating.CellKey;
import org.delphipanel.rating.CellSettledException;
import org.delphipanel.rating.CellSnapshot;
import org.delphipanel.rating.CellState;
import org.delphipanel.rating.CellStatus;
import org.delphipanel.rating.ClauseSnapshot;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.FeedbackService;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RoundNotOpenException;
import org.delphipanel.security.UserService;
import org.delphipanel.study.ConcurrentChangeException;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Rating one cell: the criterion's level descriptors, the target's evidence, from round 2 the panel's
 * feedback, and the expert's grade, confidence, rationale and evidence references, each saved as soon
 * as it changes.
 */
@Route("rate/:studyId/:targetId/:criterionCode")
@PageTitle("Rate a cell · Delphi Panel")
@RolesAllowed("EXPERT")
class RateCellView extends VerticalLayout implements BeforeEnterObserver {

    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;
    private final FeedbackService feedback;
    private final UserService users;

    final NumberField gradeField = new NumberField("Grade (0.0 to 5.0)");
    final DecimalSlider gradeSlider = new DecimalSlider(0, 5);
    final RadioButtonGroup<Confidence> confidence = new RadioButtonGroup<>("Confidence");
    final TextArea rationale = new TextArea("Rationale");
    final CheckboxGroup<EvidenceItem> evidence = new CheckboxGroup<>("Evidence you relied on (optional)");
    /** A paragraph, not a span: inline, it ran on after the last evidence checkbox as if part of its label. */
    final Paragraph saveStatus = new Paragraph();
    final Div cellStatus = new Div();

    private long userId;
    private @Nullable Round round;
    private @Nullable TargetId targetId;
    private @Nullable Criterion criterion;
    private @Nullable Integer version;
    private boolean loading;

    RateCellView(StudyService studies, FrameworkService frameworks, RatingService ratings, FeedbackService feedback,
            UserService users) {
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
        this.feedback = feedback;
        this.users = users;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        userId = users.requireCurrentUser("rate").id().value();
        RouteParameters parameters = event.getRouteParameters();
        // a study whose panel the user is not on is "not found": its targets are not theirs to read
        Optional<Study> study = RouteIds.positive(parameters, "studyId").map(StudyId::new)
                .flatMap(studies::findStudy).filter(s -> studies.panelist(s.id(), userId).isPresent());
        Optional<Target> target = study.flatMap(s -> RouteIds.positive(parameters, "targetId")
                .map(TargetId::new)
                .flatMap(id -> studies.targets(s.id()).stream().filter(t -> t.id().equals(id)).findFirst()));
        Optional<Criterion> found = study.flatMap(s -> frameworks.find(s.frameworkId())).flatMap(f -> f.criteria().stream()
                .filter(c -> c.code().equals(parameters.get("criterionCode").orElse(""))).findFirst());
        if (study.isEmpty() || target.isEmpty() || found.isEmpty()) {
            add(new H1("Cell not found"), new Paragraph("There is no such target or criterion in this study."));
            return;
        }
        Optional<Round> current = studies.currentRound(study.get().id());
        add(new RouterLink("Back to your cells", RatingOverviewView.class,
                new RouteParameters("studyId", Long.toString(study.get().id().value()))));
        add(new H1(target.get().name() + ": " + found.get().code() + " " + found.get().name()));
        if (current.isEmpty()) {
            add(new Paragraph("No round has opened yet."));
            return;
        }
        this.round = current.get();
        this.targetId = target.get().id();
        this.criterion = found.get();
        CellState state;
        try {
            state = ratings.cell(userId, round.id(), targetId, criterion.id());
        } catch (AccessDeniedException e) {
            add(new Paragraph("You cannot rate in this study: " + e.getMessage() + "."));
            return;
        }
        add(new Paragraph("Round " + round.number() + " · " + (round.isOpen() ? RatingTexts.deadline(round.closesAt())
                : "closed: ratings can no longer change")));
        if (criterion.description() != null) {
            add(new Paragraph(criterion.description()));
        }
        add(createLevels(criterion), createEvidence(target.get()));
        feedback.feedback(userId, round.id(), new CellKey(targetId, criterion.id()))
                .ifPresent(f -> add(createFeedback(f)));
        add(createForm(state, target.get()));
    }

    private Component createLevels(Criterion criterion) {
        var section = new Div(new H2("Levels of this criterion"));
        var list = new UnorderedList();
        criterion.scale().levelEntries().forEach(level ->
                list.add(new ListItem(new Span(level.getKey() + ": "), new Span(level.getValue()))));
        section.add(list);
        return section;
    }

    private Component createEvidence(Target target) {
        var section = new Div(new H2("Evidence on " + target.name()));
        List<EvidenceItem> items = studies.evidence(target.id());
        if (items.isEmpty()) {
            section.add(new Paragraph("No evidence items were added for this target."));
            return section;
        }
        var list = new UnorderedList();
        for (EvidenceItem item : items) {
            var entry = new ListItem();
            if (item.url() != null && !item.url().isBlank()) {
                var link = new Anchor(item.url(), item.title());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                entry.add(link);
            } else {
                entry.add(new Span(item.title()));
            }
            if (item.publishedOn() != null) {
                entry.add(new Span(" (" + item.publishedOn() + ")"));
            }
            if (item.excerpt() != null) {
                entry.add(new Paragraph(item.excerpt()));
            }
            list.add(entry);
        }
        section.add(list);
        return section;
    }

    private Component createFeedback(CellFeedback cell) {
        CellSnapshot panel = cell.panel();
        var section = new Div();
        section.setId("feedback");
        section.addClassName("dp-feedback");
        section.add(new H2("Panel feedback from round " + panel.ratedInRound()));
        section.add(new Paragraph(cell.ownGrade() == null ? "You did not rate this cell in round " + panel.ratedInRound() + "."
                : "Your rating in round " + panel.ratedInRound() + ": " + RatingTexts.grade(cell.ownGrade())
                        + (cell.ownConfidence() == null ? "" : " (confidence " + cell.ownConfidence().name().toLowerCase() + ")")
                        + "."));
        if (cell.ownRationale() != null && !cell.ownRationale().isBlank()) {
            section.add(new Paragraph("Your rationale: " + cell.ownRationale()));
        }
        if (panel.n() == 0) {
            section.add(new Paragraph("Nobody rated this cell in round " + panel.ratedInRound() + "."));
        } else {
            section.add(new Paragraph("Panel of " + panel.n() + ": median " + RatingTexts.number(panel.median())
                    + ", interquartile range " + RatingTexts.number(panel.iqr()) + " (from "
                    + RatingTexts.number(panel.q1()) + " to " + RatingTexts.number(panel.q3()) + ", quantile type "
                    + panel.quantileType() + ")."));
            section.add(DistributionChart.of(panel, cell.ownGrade()));
        }
        section.add(new Paragraph(consensus(panel) + (cell.settled() ? " This cell is settled: it is not rated again." : "")));
        section.add(new H3("Rationales from round " + panel.ratedInRound() + " (anonymous, in random order)"));
        if (panel.rationales().isEmpty()) {
            section.add(new Paragraph("No rationales were given."));
        } else {
            var list = new OrderedList();
            panel.rationales().forEach(text -> list.add(new ListItem(text)));
            section.add(list);
        }
        return section;
    }

    private static String consensus(CellSnapshot panel) {
        StringBuilder text = new StringBuilder(panel.consensus() ? "Consensus reached" : "No consensus yet");
        text.append(" (");
        List<ClauseSnapshot> clauses = panel.clauses();
        for (int i = 0; i < clauses.size(); i++) {
            ClauseSnapshot clause = clauses.get(i);
            text.append(i == 0 ? "" : "; ").append(clause.clause()).append(": ")
                    .append(clause.observed() == null ? "undefined" : RatingTexts.number(clause.observed()))
                    .append(clause.passed() ? ", met" : ", not met");
        }
        return text.append(").").toString();
    }

    private Component createForm(CellState state, Target target) {
        var section = new Div();
        section.add(new H2("Your rating in round " + round.number()));
        cellStatus.setId("cell-status");
        section.add(cellStatus);
        showState(state);
        boolean editable = round.isOpen() && state.status() != CellStatus.SETTLED;

        var scale = criterion.scale();
        gradeField.setId("grade");
        gradeField.setMin(scale.minValue());
        gradeField.setMax(scale.maxValue());
        gradeField.setStep(scale.stepValue());
        gradeField.setStepButtonsVisible(true);
        gradeField.setHelperText("Type a grade, or use the slider; steps of " + scale.step().toPlainString() + ".");
        gradeSlider.setId("grade-slider");
        gradeSlider.setMin(scale.minValue());
        gradeSlider.setMax(scale.maxValue());
        gradeSlider.setStep(scale.stepValue());
        gradeSlider.setAriaLabel("Grade slider, " + scale.label());
        gradeSlider.setMinMaxVisible(true);
        gradeSlider.setWidthFull();
        confidence.setItems(Confidence.values());
        confidence.setItemLabelGenerator(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase());
        rationale.setId("rationale");
        rationale.setWidthFull();
        rationale.setMaxLength(10_000);
        rationale.setValueChangeMode(ValueChangeMode.LAZY);
        rationale.setValueChangeTimeout(800);
        List<EvidenceItem> items = studies.evidence(target.id());
        evidence.setItems(items);
        evidence.setItemLabelGenerator(EvidenceItem::title);
        evidence.setVisible(!items.isEmpty());

        Rating rating = state.rating();
        loading = true;
        if (rating != null) {
            version = rating.version();
            gradeField.setValue(rating.grade().doubleValue());
            gradeSlider.setValue(rating.grade().doubleValue());
            confidence.setValue(rating.confidence());
            rationale.setValue(rating.rationale() == null ? "" : rating.rationale());
            Set<EvidenceItem> chosen = new HashSet<>();
            items.stream().filter(i -> rating.evidence().contains(i.id())).forEach(chosen::add);
            evidence.setValue(chosen);
        }
        loading = false;

        gradeField.addValueChangeListener(e -> {
            if (!loading && e.getValue() != null) {
                sync(() -> gradeSlider.setValue(e.getValue()));
                save();
            }
        });
        gradeSlider.addValueChangeListener(e -> {
            if (!loading && e.getValue() != null) {
                sync(() -> gradeField.setValue(e.getValue()));
                save();
            }
        });
        confidence.addValueChangeListener(e -> saveIfIdle());
        rationale.addValueChangeListener(e -> saveIfIdle());
        evidence.addValueChangeListener(e -> saveIfIdle());

        saveStatus.setId("save-status");
        saveStatus.getElement().setAttribute("role", "status");
        saveStatus.getElement().setAttribute("aria-live", "polite");
        saveStatus.setText(rating == null ? "Not rated yet: your rating is saved as soon as you enter a grade."
                : "All changes saved.");
        gradeField.setReadOnly(!editable);
        gradeSlider.setReadOnly(!editable);
        confidence.setReadOnly(!editable);
        rationale.setReadOnly(!editable);
        evidence.setReadOnly(!editable);
        if (!editable) {
            saveStatus.setText(round.isOpen() ? "This cell is settled and is not rated again."
                    : "Round " + round.number() + " is closed: ratings can no longer change.");
        }
        section.add(gradeField, gradeSlider, confidence, rationale, evidence, saveStatus);
        return section;
    }

    private void sync(Runnable change) {
        loading = true;
        try {
            change.run();
        } finally {
            loading = false;
        }
    }

    private void saveIfIdle() {
        if (!loading) {
            save();
        }
    }

    private void save() {
        Double value = gradeField.getValue();
        if (value == null) {
            saveStatus.setText("Not saved yet: enter a grade first; your other answers are saved with it.");
            return;
        }
        if (!Double.isFinite(value)) {
            saveStatus.setText("Not saved: the grade is not a number; enter one from the scale.");
            return;
        }
        saveStatus.setText("Saving…");
        try {
            var change = new RatingChange(round.id(), targetId, criterion.id(), grade(value), confidence.getValue(),
                    rationale.getValue().isBlank() ? null : rationale.getValue(),
                    evidence.getValue().stream().map(EvidenceItem::id).toList(), version);
            Rating saved = ratings.save(userId, change);
            version = saved.version();
            saveStatus.setText("Saved at " + Times.time(saved.updatedAt()) + ".");
            showState(ratings.cell(userId, round.id(), targetId, criterion.id()));
        } catch (ConcurrentChangeException | RoundNotOpenException | CellSettledException | IllegalArgumentException e) {
            saveStatus.setText("Not saved: " + e.getMessage() + ".");
        }
    }

    /**
     * The typed grade as a decimal. A slider or step button can leave binary noise such as
     * 0.30000000000000004, which is rounded away (to 4 places); anything further from 4 places, such as
     * 3.00001, is kept as typed so that the service refuses it as off the scale's steps, rather than
     * silently saving a grade the expert did not type.
     */
    private static BigDecimal grade(double value) {
        BigDecimal typed = BigDecimal.valueOf(value);
        BigDecimal rounded = typed.setScale(4, RoundingMode.HALF_UP);
        return (typed.subtract(rounded).abs().compareTo(new BigDecimal("1e-9")) <= 0 ? rounded : typed)
                .stripTrailingZeros();
    }

    private void showState(CellState state) {
        cellStatus.removeAll();
        cellStatus.add(new Span("Status: "), RatingTexts.badge(state.status(), null));
        if (state.rationaleRequirement() != null) {
            cellStatus.add(new Paragraph(state.status() == CellStatus.NEEDS_RATIONALE
                    ? "Please add a rationale: " + state.rationaleRequirement() + "."
                    : "A rationale is required here (" + state.rationaleRequirement() + "); yours is saved."));
        }
    }
}
