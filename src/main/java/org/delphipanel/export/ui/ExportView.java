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
import java.util.function.Supplier;
import org.delphipanel.export.CsvWriter;
import org.delphipanel.export.Export;
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
        add(new H1("Export"));
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("studyId").orElse("-1"));
            studyId = new StudyId(id);
        } catch (IllegalArgumentException e) {
            add(notice("There is no such study."));
            return;
        }
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
                () -> exports.consensus(studyId), true));
        add(createSection("Raw ratings (long format, for reanalysis)", "ratings",
                () -> exports.rawRatings(studyId, false), true));
        add(createSection("Statistics per round", "round-statistics",
                () -> exports.roundStatistics(studyId), false));
        add(new H2("Everything"));
        add(link("ZIP bundle (all CSV files, provenance.json, README.txt)", ExportService.bundleName(studyId),
                "application/zip", () -> exports.bundle(studyId, false), "download-zip"));
        if (named) {
            add(createNamedSection());
            add(createImportSection());
        }
    }

    private Div createSection(String title, String name, Supplier<Export> export, boolean xlsx) {
        var section = new Div(new H2(title));
        var list = new UnorderedList();
        Export shape = export.get();
        for (var table : shape.tables()) {
            list.add(new ListItem(link("CSV: " + table.name() + ".csv", table.name() + ".csv", "text/csv;charset=UTF-8",
                    () -> CsvWriter.bytes(export.get().table(table.name())), "download-" + table.name() + "-csv")));
        }
        if (xlsx) {
            list.add(new ListItem(link("Excel workbook: " + name + ".xlsx", name + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    () -> XlsxWriter.write(export.get()), "download-" + name + "-xlsx")));
        }
        list.add(new ListItem(link("JSON: " + name + ".json", name + ".json", "application/json",
                () -> JsonWriter.write(export.get()), "download-" + name + "-json")));
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

    private static Anchor link(String text, String fileName, String contentType, Supplier<byte[]> content, String id) {
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
