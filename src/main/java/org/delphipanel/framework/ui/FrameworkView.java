package org.delphipanel.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.framework.Band;
import org.delphipanel.framework.BuiltInFrameworks;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.framework.FrameworkSummary;
import org.delphipanel.framework.ImportResult;
import org.delphipanel.framework.RubricException;
import org.delphipanel.framework.RubricParser;
import org.delphipanel.framework.RubricProblem;
import org.delphipanel.framework.ScaleDefinition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Browser of the stored rubrics: pick a rubric version, walk its tree of weighted criteria, read a
 * criterion's grade descriptors, see how overall scores map to bands, and download the file a version
 * was imported from. Facilitators and administrators also import rubric files here (the service checks
 * the role again); a stored version never changes, so a changed file comes in as a new version.
 */
@Route("frameworks")
@PageTitle("Rubrics")
@Menu(title = "Rubrics", order = 30, icon = "vaadin:file-tree")
@PermitAll
class FrameworkView extends VerticalLayout {

    /** Below this window width (px) the grid keeps only the columns a phone has room for. */
    static final int NARROW = 700;

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkView.class);

    private final transient FrameworkService frameworks;

    private final Select<FrameworkSummary> version = new Select<>();
    private final Paragraph frameworkDescription = new Paragraph();
    private final TreeGrid<FrameworkNode> tree = new TreeGrid<>();
    private final Section details = new Section();
    private final Grid<Band> bands = new Grid<>();
    private final Paragraph noBands = new Paragraph("This rubric defines no bands.");
    private final Div importResult = new Div();
    private final Anchor sourceDownload = new Anchor();
    private @Nullable Framework shown;
    private Map<String, Double> effectiveWeights = Map.of();
    private Grid.@Nullable Column<FrameworkNode> codeColumn;
    private Grid.@Nullable Column<FrameworkNode> scaleColumn;
    private Grid.@Nullable Column<FrameworkNode> parentWeightColumn;

    FrameworkView(FrameworkService frameworks) {
        this.frameworks = frameworks;
        addClassName("dp-view");
        setWidthFull();
        setPadding(false);
        add(new H2("Rubrics"), createChooser(), createSourceDownload(), frameworkDescription, createTreeAndDetails(),
                createBands());
        if (frameworks.mayImport()) {
            add(createImport());
        }
        loadChoices();
    }

    private Component createSourceDownload() {
        sourceDownload.setHref(DownloadHandler.fromInputStream(event -> {
            Framework framework = shown;
            Optional<String> source = shownSource();
            if (framework == null || source.isEmpty()) {
                return DownloadResponse.error(404);
            }
            byte[] bytes = source.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), sourceFileName(framework, source.get()),
                    contentType(source.get()), bytes.length);
        }));
        sourceDownload.setText("Download the rubric file of this version");
        sourceDownload.setId("rubric-source-download");
        sourceDownload.setVisible(false);
        return sourceDownload;
    }

    /** What the download link gives now: the file the shown version was imported from. */
    Optional<String> shownSource() {
        Framework framework = shown;
        return framework == null ? Optional.empty() : frameworks.source(framework.id());
    }

    /** A name for the downloaded file; the upload's name is not stored, so the text says JSON or YAML. */
    static String sourceFileName(Framework framework, String source) {
        return framework.code() + "-v" + framework.version() + (isJson(source) ? ".json" : ".yaml");
    }

    private static String contentType(String source) {
        return (isJson(source) ? "application/json" : "application/yaml") + ";charset=UTF-8";
    }

    private static boolean isJson(String source) {
        return source.strip().startsWith("{");
    }

    private Component createImport() {
        var heading = new H3("Import a rubric");
        var explanation = new Paragraph("A rubric file is JSON (.json) or YAML (.yaml, .yml), UTF-8, in the format"
                + " of docs/frameworks.md, at most " + String.format(Locale.ROOT, "%,d", RubricParser.MAX_SOURCE_CHARS)
                + " characters. A stored"
                + " version never changes: to change a rubric, download its file above, edit it, raise its version"
                + " and import it. Studies keep the version they were created with; new studies can use the new one.");
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importFile(metadata.fileName(), bytes)));
        upload.setId("rubric-upload");
        upload.setAcceptedFileTypes("application/json", "application/yaml", "text/yaml", ".json", ".yaml", ".yml");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(FrameworkService.MAX_FILE_BYTES);
        upload.setDropLabel(new Paragraph("Drop a rubric file here"));
        importResult.setId("rubric-import-result");
        importResult.getElement().setAttribute("role", "status");
        var section = new Section(heading, explanation, upload, importResult);
        section.setId("rubric-import");
        section.setWidthFull();
        return section;
    }

    /** Imports an uploaded file and says what happened: the version stored, or every problem of the file. */
    void importFile(String fileName, byte[] bytes) {
        importResult.removeAll();
        try {
            ImportResult result = frameworks.importRubric(bytes, fileName);
            Framework framework = result.framework();
            importResult.add(new Paragraph(result.created()
                    ? "Imported " + framework.name() + " version " + framework.version() + "."
                    : framework.name() + " version " + framework.version() + " is already stored, nothing changed."));
            loadChoices(framework.id());
        } catch (RubricException refused) {
            importResult.add(new Paragraph("Nothing was imported. Problems in " + refused.problems().getFirst().fileName()
                    + " (" + refused.problems().size() + "):"));
            var list = new UnorderedList();
            list.setId("rubric-problems");
            for (RubricProblem problem : refused.problems()) {
                list.add(new ListItem(problem.location() + ": " + problem.message()));
            }
            importResult.add(list);
        } catch (AccessDeniedException refused) {
            importResult.add(new Paragraph("Nothing was imported: " + refused.getMessage()));
        } catch (RuntimeException failure) {
            // e.g. a database error: its message can hold SQL and values, which the page must not show
            LOG.error("Rubric import of {} failed", fileName, failure);
            importResult.add(new Paragraph("Nothing was imported: the import failed on the server. Try again, or ask"
                    + " an administrator to look at the server log."));
        }
    }

    private Component createChooser() {
        version.setLabel("Rubric and version");
        version.setItemLabelGenerator(summary -> summary.name() + " (" + summary.label() + ")");
        version.setEmptySelectionAllowed(false);
        version.setWidth("min(100%, 32rem)");
        version.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show(event.getValue());
            }
        });
        return version;
    }

    private Component createTreeAndDetails() {
        tree.setAriaLabel("Criteria of the rubric, with their weights");
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // base widths keep the names readable at 1280 px with the details beside the tree
        tree.addHierarchyColumn(FrameworkNode::name).setHeader("Criterion")
                .setWidth("13rem").setFlexGrow(2).setSortable(false).setResizable(true);
        codeColumn = tree.addColumn(FrameworkNode::code).setHeader("Code").setWidth("10rem").setFlexGrow(1);
        parentWeightColumn = tree.addColumn(node -> WeightFormat.withinParent(node.weight()))
                .setHeader("Weight in parent").setWidth("8rem").setFlexGrow(0);
        tree.addColumn(node -> WeightFormat.percent(effectiveWeights.getOrDefault(node.code(), 0.0)))
                .setHeader("Share of overall").setWidth("6.5rem").setFlexGrow(0);
        scaleColumn = tree.addColumn(node -> node.isLeaf()
                        ? node.requireScale().label()
                        : "Group of " + node.children().size())
                .setHeader("Scale").setWidth("6.5rem").setFlexGrow(0);
        tree.setAllRowsVisible(true);
        tree.setEmptyStateText("No rubric is stored yet.");
        tree.addSelectionListener(event -> showDetails(event.getFirstSelectedItem().orElse(null)));

        var treeBox = new Div(tree);
        treeBox.getStyle().set("flex", "3 1 43rem").set("min-width", "0");

        details.getElement().setAttribute("aria-label", "Selected criterion");
        details.getElement().setAttribute("aria-live", "polite");
        details.setId("node-details");
        details.getStyle().set("flex", "1 1 16rem").set("min-width", "0")
                .set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        showDetails(null);

        var row = new FlexLayout(treeBox, details);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        row.setWidthFull();

        // columns follow the window: a phone keeps the criterion, its share and nothing else
        addAttachListener(event -> {
            var page = event.getUI().getPage();
            page.retrieveExtendedClientDetails(client -> fitColumns(client.getWindowInnerWidth()));
            page.addBrowserWindowResizeListener(resize -> fitColumns(resize.getWidth()));
        });
        return row;
    }

    void fitColumns(int windowWidth) {
        boolean wide = windowWidth >= NARROW;
        if (codeColumn != null && scaleColumn != null && parentWeightColumn != null) {
            codeColumn.setVisible(wide);
            scaleColumn.setVisible(wide);
            parentWeightColumn.setVisible(wide);
        }
    }

    private Component createBands() {
        bands.setAriaLabel("Bands of the overall score");
        bands.setId("bands");
        bands.addColumn(Band::label).setHeader("Band").setFlexGrow(1);
        bands.addColumn(Band::interval).setHeader("Overall score").setFlexGrow(1);
        bands.addColumn(FrameworkView::describe).setHeader("Meaning").setFlexGrow(3);
        bands.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        bands.setAllRowsVisible(true);
        noBands.setVisible(false);
        var heading = new H3("Bands");
        var explanation = new Paragraph("A score on the boundary between two bands belongs to the lower band:"
                + " every band includes its upper bound.");
        explanation.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var section = new Section(heading, explanation, bands, noBands);
        section.setWidthFull();
        return section;
    }

    static String describe(Band band) {
        if (band.lower().compareTo(band.upper()) == 0) {
            return "exactly " + band.lower().toPlainString();
        }
        return (band.lowerInclusive() ? "from " : "above ") + band.lower().toPlainString() + " up to and including "
                + band.upper().toPlainString();
    }

    private void loadChoices() {
        List<FrameworkSummary> stored = frameworks.list();
        version.setItems(stored);
        // the newest SaferAI rubric first, since it is the one studies use by default
        stored.stream()
                .filter(summary -> summary.code().equals(BuiltInFrameworks.SAFERAI_CODE))
                .findFirst()
                .or(() -> stored.stream().findFirst())
                .ifPresentOrElse(version::setValue, () -> show((Framework) null));
    }

    /** Reloads the versions (one was just imported) and shows the given one. */
    private void loadChoices(long frameworkId) {
        List<FrameworkSummary> stored = frameworks.list();
        version.setItems(stored);
        stored.stream().filter(summary -> summary.id() == frameworkId).findFirst()
                .ifPresent(version::setValue);
    }

    private void show(FrameworkSummary summary) {
        show(frameworks.find(summary.id()).orElse(null));
    }

    private void show(@Nullable Framework framework) {
        shown = framework;
        sourceDownload.setVisible(framework != null);
        if (framework == null) {
            tree.setItems(List.of(), node -> List.of());
            frameworkDescription.setText("");
            bands.setItems(List.of());
            showDetails(null);
            return;
        }
        effectiveWeights = framework.definition().effectiveWeights();
        frameworkDescription.setText(Optional.ofNullable(framework.description()).orElse(""));
        tree.setItems(List.of(framework.root()), FrameworkNode::children);
        tree.expandRecursively(List.of(framework.root()), Integer.MAX_VALUE);
        bands.setItems(framework.bands());
        bands.setVisible(!framework.bands().isEmpty());
        noBands.setVisible(framework.bands().isEmpty());
        showDetails(null);
    }

    private void showDetails(@Nullable FrameworkNode node) {
        details.removeAll();
        if (node == null) {
            details.add(new H3("Criterion details"),
                    new Paragraph("Select a row of the tree to read its description and, for a criterion, what each"
                            + " whole grade means."));
            return;
        }
        var heading = new H3(node.name());
        var code = new Span("Code: " + node.code());
        code.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var weight = new Paragraph("Weight in parent: " + WeightFormat.withinParent(node.weight())
                + ". Share of the overall score: " + WeightFormat.percent(effectiveWeights.getOrDefault(node.code(), 0.0))
                + ".");
        details.add(heading, code, weight);
        if (node.description() != null) {
            var description = new Paragraph(node.description());
            description.getStyle().set("white-space", "pre-line");
            details.add(description);
        }
        if (node.isLeaf()) {
            details.add(createLevels(node.requireScale()));
        } else {
            details.add(new Paragraph("A group: its score is the weighted sum of its " + node.children().size()
                    + " parts."));
        }
    }

    private static Component createLevels(ScaleDefinition scale) {
        var intro = new Paragraph("Grades from " + scale.min().toPlainString() + " to " + scale.max().toPlainString()
                + " in steps of " + scale.step().toPlainString() + "; a grade between two whole grades gives partial"
                + " credit above the lower one.");
        var levels = new DescriptionList();
        levels.setId("grade-descriptors");
        levels.getElement().setAttribute("aria-label", "What each whole grade means");
        scale.levels().forEach((grade, descriptor) -> {
            var term = new DescriptionList.Term("Grade " + grade);
            term.getStyle().set("font-weight", "600").set("margin-top", "var(--lumo-space-s)");
            var text = new DescriptionList.Description(descriptor);
            text.getStyle().set("margin-inline-start", "0").set("white-space", "pre-line");
            levels.add(term, text);
        });
        return new Div(intro, levels);
    }

    /** Formats weights for people: "1/3 (33.3 %)" within a parent, "11.11 %" of the overall score. */
    static final class WeightFormat {

        private WeightFormat() {
        }

        static String withinParent(double weight) {
            return fraction(weight) + " (" + BigDecimal.valueOf(weight * 100).setScale(1, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString() + " %)";
        }

        static String percent(double weight) {
            return BigDecimal.valueOf(weight * 100).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
        }

        /** A short decimal when there is one (0.25), else the simplest fraction within 1e-9 (1/3). */
        static String fraction(double weight) {
            var decimal = BigDecimal.valueOf(weight).stripTrailingZeros();
            if (decimal.scale() <= 3) {
                return decimal.toPlainString();
            }
            for (int denominator = 2; denominator <= 100; denominator++) {
                long numerator = Math.round(weight * denominator);
                if (Math.abs(weight - (double) numerator / denominator) < 1e-9) {
                    return numerator + "/" + denominator;
                }
            }
            return BigDecimal.valueOf(weight).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
    }
}
