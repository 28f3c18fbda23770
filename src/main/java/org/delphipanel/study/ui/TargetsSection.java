package org.delphipanel.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.function.Supplier;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.StudyState;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetImportException;
import org.delphipanel.study.TargetImportResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** The organisations rated and the evidence experts read: a grid with dialogs, and a CSV import. */
class TargetsSection extends VerticalLayout {

    static final String CSV_COLUMNS = "name,description,website,evidence_title,evidence_url,evidence_excerpt,evidence_date";
    private static final int MAX_CSV_BYTES = 1_000_000;

    private final transient SetupContext setup;
    private final boolean editable;
    private final Grid<Target> targets = new Grid<>();
    private final Grid<EvidenceItem> evidence = new Grid<>();
    private final H3 evidenceHeading = new H3();
    private final Button addEvidence = new Button("Add evidence");
    private final VerticalLayout evidencePanel = new VerticalLayout();
    private final Paragraph error = Feedback.alertLine("targets-error");
    private final TextArea csv = new TextArea("Or paste CSV text");
    private final Div importResult = new Div();
    private @Nullable Target selected;

    TargetsSection(SetupContext setup) {
        this.setup = setup;
        this.editable = setup.study().state() == StudyState.DRAFT;
        setPadding(false);
        if (!editable) {
            var fixed = new Paragraph("Targets and evidence are fixed since round 1 opened.");
            fixed.setId("targets-fixed");
            add(fixed);
        }
        var add = new Button("Add target", event -> new TargetDialog(setup, null, this::refresh).open());
        add.setId("target-add");
        add.setVisible(editable);
        add(add, error, createTargetGrid(), createEvidencePanel());
        if (editable) {
            add(createImport());
        }
        refresh();
    }

    private Grid<Target> createTargetGrid() {
        targets.setId("targets-grid");
        targets.setAriaLabel("Targets");
        targets.addColumn(Target::name).setHeader("Target").setFlexGrow(1).setAutoWidth(true);
        targets.addColumn(t -> t.website() == null ? "—" : t.website()).setHeader("Website").setAutoWidth(true);
        targets.addColumn(t -> setup.studies().evidence(t.id()).size()).setHeader("Evidence items").setAutoWidth(true);
        targets.addComponentColumn(this::createTargetActions).setHeader("Actions").setKey("actions").setAutoWidth(true);
        targets.setAllRowsVisible(true);
        targets.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        targets.setEmptyStateText("No targets yet.");
        targets.asSingleSelect().addValueChangeListener(event -> showEvidence(event.getValue()));
        return targets;
    }

    private Component createTargetActions(Target target) {
        var evidenceButton = new Button("Evidence", event -> targets.select(target));
        evidenceButton.setAriaLabel("Show the evidence for " + target.name());
        var actions = new HorizontalLayout(evidenceButton);
        if (editable) {
            var edit = new Button("Edit", event -> new TargetDialog(setup, target, this::refresh).open());
            edit.setAriaLabel("Edit " + target.name());
            var remove = new Button("Remove", event -> remove(target));
            remove.setAriaLabel("Remove " + target.name() + " from this study");
            actions.add(edit, remove);
        }
        actions.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY));
        actions.setSpacing(false);
        return actions;
    }

    private void remove(Target target) {
        error.setText("");
        try {
            setup.studies().removeTarget(setup.userId(), setup.studyId(), target.id());
            Feedback.done(target.name() + " removed from the study.");
            if (target.equals(selected)) {
                selected = null;
            }
            refresh();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private Component createEvidencePanel() {
        evidence.setId("evidence-grid");
        evidence.setAriaLabel("Evidence items");
        evidence.addColumn(EvidenceItem::title).setHeader("Title").setFlexGrow(1).setAutoWidth(true);
        evidence.addColumn(e -> e.url() == null ? "—" : e.url()).setHeader("URL").setAutoWidth(true);
        evidence.addColumn(e -> e.publishedOn() == null ? "—" : e.publishedOn().toString()).setHeader("Date")
                .setAutoWidth(true);
        evidence.addComponentColumn(this::createEvidenceActions).setHeader("Actions").setKey("actions")
                .setAutoWidth(true);
        evidence.setAllRowsVisible(true);
        evidence.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        evidence.setEmptyStateText("No evidence for this target yet.");
        addEvidence.setId("evidence-add");
        addEvidence.setVisible(editable);
        addEvidence.addClickListener(event -> {
            if (selected != null) {
                new EvidenceDialog(setup, selected, null, this::refresh).open();
            }
        });
        evidencePanel.setPadding(false);
        evidencePanel.add(evidenceHeading, addEvidence, evidence);
        evidencePanel.setVisible(false);
        return evidencePanel;
    }

    private Component createEvidenceActions(EvidenceItem item) {
        var actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (editable && selected != null) {
            Target target = selected;
            var edit = new Button("Edit", event -> new EvidenceDialog(setup, target, item, this::refresh).open());
            edit.setAriaLabel("Edit " + item.title());
            var remove = new Button("Remove", event -> removeEvidence(item));
            remove.setAriaLabel("Remove " + item.title());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(edit, remove);
        }
        return actions;
    }

    private void removeEvidence(EvidenceItem item) {
        error.setText("");
        try {
            setup.studies().removeEvidence(setup.userId(), setup.studyId(), item.id());
            Feedback.done(item.title() + " removed.");
            refresh();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private void showEvidence(@Nullable Target target) {
        if (target != null) {
            selected = target;
        }
        evidencePanel.setVisible(selected != null);
        if (selected != null) {
            evidenceHeading.setText("Evidence for " + selected.name());
            addEvidence.setAriaLabel("Add evidence for " + selected.name());
            evidence.setItems(setup.studies().evidence(selected.id()));
        }
    }

    private Component createImport() {
        var heading = new H3("Import targets from CSV");
        var explanation = new Paragraph("The first line names the columns: " + CSV_COLUMNS + ". Only name is"
                + " required. One row per target, optionally with one evidence item; more rows with the same name add"
                + " more evidence. Dates are YYYY-MM-DD. If any row has a problem, nothing is imported and every"
                + " problem is listed.");
        // the service decodes the bytes strictly, so a Latin-1 or UTF-16 file is refused, not garbled
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importCsv(
                () -> setup.studies().importTargets(setup.userId(), setup.studyId(), bytes))));
        upload.setId("targets-upload");
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_CSV_BYTES);
        upload.setDropLabel(new Paragraph("Drop a CSV file here"));
        csv.setId("targets-csv");
        csv.setWidthFull();
        csv.setPlaceholder(CSV_COLUMNS);
        var importButton = new Button("Import pasted CSV", event -> importCsv(
                () -> setup.studies().importTargets(setup.userId(), setup.studyId(), csv.getValue())));
        importButton.setId("targets-import");
        importResult.setId("import-result");
        importResult.getElement().setAttribute("role", "status");
        var section = new VerticalLayout(heading, explanation, upload, csv, importButton, importResult);
        section.setPadding(false);
        return section;
    }

    private void importCsv(Supplier<TargetImportResult> importing) {
        importResult.removeAll();
        try {
            TargetImportResult result = importing.get();
            importResult.add(new Paragraph("Imported " + result.targetsAdded() + " targets and "
                    + result.evidenceAdded() + " evidence items."));
            csv.clear();
            refresh();
        } catch (TargetImportException refused) {
            importResult.add(new Paragraph("Nothing was imported. " + problems(refused.problems().size()) + ":"));
            var list = new UnorderedList();
            list.setId("import-problems");
            refused.problems().forEach(problem -> list.add(new ListItem(problem.toString())));
            importResult.add(list);
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            importResult.add(new Paragraph("Nothing was imported: " + refused.getMessage()));
        }
    }

    private static String problems(int count) {
        return count == 1 ? "Fix this problem and try again" : "Fix these " + count + " problems and try again";
    }

    private void refresh() {
        error.setText("");
        List<Target> current = setup.studies().targets(setup.studyId());
        targets.setItems(current);
        if (selected != null && current.stream().noneMatch(t -> t.id().equals(selected.id()))) {
            selected = null;
        }
        if (selected != null) {
            Target refreshed = current.stream().filter(t -> t.id().equals(selected.id())).findFirst().orElseThrow();
            selected = refreshed;
        }
        showEvidence(null);
    }
}
