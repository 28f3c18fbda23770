package org.delphipanel.export.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.delphipanel.base.ui.RouteIds;
import org.delphipanel.export.CsvWriter;
import org.delphipanel.export.Export;
import org.delphipanel.export.ExportDocument;
import org.delphipanel.export.ExportService;
import org.delphipanel.export.JsonWriter;
import org.delphipanel.export.RatingsImport;
import org.delphipanel.export.RatingsImportService;
import org.delphipanel.export.XlsxWriter;
import org.delphipanel.rating.RatingsRejectedException;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Downloads of a study's exports and, for facilitators, the named export (after a confirmation) and the
 * ratings import. Open to every signed-in person; {@link ExportService} decides who gets what.
 */
@Route("studies/:studyId/export")
@PageTitle("Export · Delphi Panel")
@PermitAll
class ExportView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ExportView.class);

    static final int MAX_IMPORT_BYTES = RatingsImportService.MAX_BYTES;

    private final transient ExportService exports;
    private final transient RatingsImportService imports;
    private final Div namedLinks = new Div();
    private final Div importResult = new Div();
    private final transient Map<String, Supplier<byte[]>> downloads = new HashMap<>();
    private StudyId studyId = new StudyId(1);

    ExportView(ExportService exports, RatingsImportService imports) {
        this.exports = exports;
        this.imports = imports;
        addClassName("dp-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        downloads.clear();
        add(new H1("Export"));
        Optional<StudyId> routed = RouteIds.positive(event.getRouteParameters(), "studyId").map(StudyId::new);
        if (routed.isEmpty()) {
            add(notice("There is no such study."));
            return;
        }
        studyId = routed.get();
        boolean named;
        try {
            if (!exports.mayExport(studyId)) {
                // the service's own message says why (not on the panel, or results not yet published)
                exports.consensus(studyId);
            }
            named = exports.mayExportNamed(studyId);
        } catch (AccessDeniedException | StudyNotFoundException refused) {
            add(notice(refused.getMessage()));
            return;
        }
        add(new Paragraph("Every file carries its provenance: the study, the rubric and its version, the rules, the"
                + " application's version and the time of export. Ratings and round statistics come from closed rounds"
                + " only; experts appear under their pseudonyms."));
        add(createSection("Consensus ratings and scores", "consensus",
                List.of(ExportService.CONSENSUS, ExportService.SCORES), () -> exports.consensus(studyId)));
        add(createSection("Raw ratings (long format, for reanalysis)", "ratings", List.of(ExportService.RATINGS),
                () -> exports.rawRatings(studyId, false)));
        add(createSection("Statistics per round (cells and agreement)", "round-statistics",
                List.of(ExportService.ROUND_STATISTICS, ExportService.ROUND_AGREEMENT),
                () -> exports.roundStatistics(studyId)));
        add(createDocumentsSection());
        add(new H2("Everything"));
        add(link("ZIP bundle (all CSV files, the study report, provenance.json, README.txt)",
                ExportService.bundleName(studyId),
                "application/zip", () -> exports.bundle(studyId, false), "download-zip"));
        if (named) {
            add(createNamedSection());
            add(createImportSection());
        }
    }

    /** An export's links; the export is built only when a link is downloaded (the agreement bootstraps take time). */
    private Div createSection(String title, String name, List<String> tables, Supplier<Export> export) {
        var section = new Div(new H2(title));
        var list = new UnorderedList();
        for (String table : tables) {
            list.add(new ListItem(link("CSV: " + table + ".csv", table + ".csv", "text/csv;charset=UTF-8",
                    () -> CsvWriter.bytes(export.get().table(table)), "download-" + table + "-csv")));
        }
        list.add(new ListItem(link("Excel workbook: " + name + ".xlsx", name + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                () -> XlsxWriter.write(export.get()), "download-" + name + "-xlsx")));
        list.add(new ListItem(link("JSON: " + name + ".json", name + ".json", "application/json",
                () -> JsonWriter.write(export.get()), "download-" + name + "-json")));
        section.add(list);
        return section;
    }

    /** The study report (HTML and PDF) and any other document a feature contributes. */
    private Div createDocumentsSection() {
        var section = new Div(new H2("Study report"));
        section.add(new Paragraph("The question, rubric and weights, panel and rounds, the pre-registered rules,"
                + " response rates, agreement and convergence per round, the final scores with their confidence"
                + " ranges and a forest plot, and the methods with their references. The HTML file is standalone"
                + " and prints well; the PDF is the same report."));
        var list = new UnorderedList();
        for (ExportDocument document : exports.documents()) {
            String extension = document.fileName(studyId).substring(document.fileName(studyId).lastIndexOf('.') + 1);
            list.add(new ListItem(link(document.label(), document.fileName(studyId), document.contentType(),
                    () -> document.render(studyId), "download-report-" + extension)));
        }
        section.add(list);
        return section;
    }

    private Div createNamedSection() {
        var section = new Div(new H2("Named export (facilitators)"));
        section.add(new Paragraph("The raw ratings with each expert's name and e-mail beside the pseudonym. Experts"
                + " were promised pseudonymity: share this file only as your ethics approval allows. Every named export"
                + " is recorded in the audit log."));
        var confirm = new ConfirmDialog();
        confirm.setId("named-confirm");
        confirm.setHeader("Export experts' identities?");
        confirm.setText("The file will name every expert next to their ratings and rationales. This is recorded in"
                + " the audit log with your name.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Export with names");
        confirm.addConfirmListener(e -> showNamedLinks());
        var open = new Button("Prepare a named export…", e -> confirm.open());
        open.setId("named-export");
        namedLinks.setId("named-links");
        section.add(open, namedLinks);
        return section;
    }

    /** After the confirmation: the named files (each download is audit-logged by the service). */
    void showNamedLinks() {
        namedLinks.removeAll();
        namedLinks.add(link("Named raw ratings (CSV)", "ratings-named.csv", "text/csv;charset=UTF-8",
                () -> CsvWriter.bytes(exports.rawRatings(studyId, true).table(ExportService.RATINGS)),
                "download-named-csv"));
        namedLinks.add(new Paragraph());
        namedLinks.add(link("Named ZIP bundle", "study-" + studyId.value() + "-export-named.zip", "application/zip",
                () -> exports.bundle(studyId, true), "download-named-zip"));
    }

    private Div createImportSection() {
        var section = new Div(new H2("Import ratings"));
        section.add(new Paragraph("Ratings collected elsewhere go into the study's open round from a CSV file (UTF-8)"
                + " with the header target,criterion,expert,value and optionally confidence and rationale. expert is a"
                + " pseudonym or the e-mail of an expert of the panel, target a target's name, criterion a criterion"
                + " code. If any row has a problem, nothing is imported and every problem is listed; an expert's"
                + " existing rating of a cell is replaced."));
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importFile(bytes)));
        upload.setId("ratings-upload");
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        importResult.setId("import-result");
        importResult.getElement().setAttribute("role", "status");
        section.add(upload, importResult);
        return section;
    }

    /** Imports a file and shows the outcome: a count, or every problem. */
    void importFile(byte[] bytes) {
        importResult.removeAll();
        try {
            RatingsImport done = imports.importRatings(studyId, bytes);
            importResult.add(new Paragraph("Imported " + done.ratings() + " ratings into round " + done.roundNumber() + "."));
        } catch (RatingsRejectedException rejected) {
            importResult.add(new Paragraph("Nothing was imported. Problems (" + rejected.problems().size() + "):"));
            var list = new UnorderedList();
            RatingsImportService.describe(rejected).forEach(p -> list.add(new ListItem(p)));
            importResult.add(list);
        } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException refused) {
            importResult.add(new Paragraph("Nothing was imported: " + refused.getMessage()));
        } catch (RuntimeException failure) {
            // e.g. a database error: its message can hold SQL and values, which the page must not show
            LOG.error("Ratings import into study {} failed", studyId, failure);
            importResult.add(new Paragraph("Nothing was imported: the import failed on the server. Try again, or ask"
                    + " an administrator to look at the server log."));
        }
    }

    /** What the link with this id downloads, for tests (a browser fetches it through the anchor's handler). */
    byte[] download(String id) {
        Supplier<byte[]> content = downloads.get(id);
        if (content == null) {
            throw new IllegalArgumentException("no download " + id + " on the page");
        }
        return content.get();
    }

    private Anchor link(String text, String fileName, String contentType, Supplier<byte[]> content, String id) {
        downloads.put(id, content);
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), text);
        anchor.setId(id);
        return anchor;
    }

    private static Paragraph notice(String text) {
        var notice = new Paragraph(text);
        notice.getElement().setAttribute("role", "status");
        return notice;
    }
}
