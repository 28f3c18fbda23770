package org.delphipanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.delphipanel.export.CsvWriter;
import org.delphipanel.export.Export;
import org.delphipanel.export.ExportDocument;
import org.delphipanel.export.ExportService;
import org.delphipanel.export.JsonWriter;
import org.delphipanel.export.XlsxWriter;
import org.delphipanel.study.Study;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A study's exports as files, built by {@link ExportService}, which decides who gets what exactly as for the
 * export view: facilitators and administrators at any time, experts only the published results; only closed
 * rounds; names only in a facilitator's named export, which is audit-logged.
 */
@Tag(name = "Exports", description = "A study's exports as files, with the export view's permissions")
@RestController
@RequestMapping("/api/studies/{studyId}/exports")
class ExportsController {

    static final List<String> KINDS = List.of(ExportService.CONSENSUS, ExportService.SCORES, ExportService.RATINGS,
            ExportService.ROUND_STATISTICS, "bundle", "report");
    static final List<String> FORMATS = List.of("csv", "xlsx", "json");
    static final List<String> REPORT_FORMATS = List.of("html", "pdf");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ApiAccess access;
    private final ExportService exports;
    private final List<ExportDocument> documents;

    ExportsController(ApiAccess access, ExportService exports, List<ExportDocument> documents) {
        this.access = access;
        this.exports = exports;
        this.documents = List.copyOf(documents);
    }

    /**
     * One export as a file.
     *
     * @param kind consensus, scores, ratings, round-statistics, bundle (a ZIP of every CSV with provenance) or
     *        report (the study report)
     * @param format csv (default), xlsx or json; the bundle is always a ZIP; the report html (default) or pdf
     * @param named ratings and bundle only: add experts' names and e-mails (facilitators and administrators)
     */
    @Operation(summary = "One export of a study as a file", description = "Facilitators and administrators at any time; experts only once results are published, and only those. Ratings and round statistics come from closed rounds only. consensus and scores in xlsx or json hold both tables; bundle is a ZIP of every CSV with provenance.json and README.txt; report is the study report as html or pdf.")
    @GetMapping(path = "/{kind}", produces = {"text/csv", "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/html",
            "application/pdf"})
    ResponseEntity<byte[]> export(@PathVariable long studyId, @Parameter(schema = @Schema(allowableValues = {"consensus", "scores", "ratings", "round-statistics",
                    "bundle", "report"})) @PathVariable String kind,
            @Parameter(description = "csv (default), xlsx or json; zip (or nothing) for the bundle; html (default) or pdf for the report", schema = @Schema(
                    allowableValues = {"csv", "xlsx", "json", "zip", "html", "pdf"})) @RequestParam(required = false) @Nullable String format,
            @Parameter(description = "ratings and bundle only: add experts' names and e-mails (facilitators and administrators; audit-logged)") @RequestParam(defaultValue = "false") boolean named) {
        Study study = access.study(studyId);
        if (!KINDS.contains(kind)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "There is no export \"" + kind + "\"; the exports are "
                    + String.join(", ", KINDS) + ".");
        }
        if (kind.equals("report")) {
            return report(study, format, named);
        }
        String chosen = format == null ? (kind.equals("bundle") ? "zip" : "csv") : format.toLowerCase(Locale.ROOT);
        if (kind.equals("bundle") ? !chosen.equals("zip") : !FORMATS.contains(chosen)) {
            String allowed = kind.equals("bundle") ? "zip (or leave format out)" : String.join(", ", FORMATS);
            throw new ApiException(HttpStatus.BAD_REQUEST, "Parameter \"format\" must be " + allowed + " for export "
                    + kind + ", was \"" + format + "\".", List.of(new ApiError.FieldProblem("format", "must be "
                            + allowed)));
        }
        if (named && !kind.equals(ExportService.RATINGS) && !kind.equals("bundle")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Parameter \"named\" applies only to the ratings and bundle"
                    + " exports.", List.of(new ApiError.FieldProblem("named", "only for ratings and bundle")));
        }
        String base = "study-" + study.id().value() + "-" + kind + (named ? "-named" : "");
        if (kind.equals("bundle")) {
            return file(exports.bundle(study.id(), named), ZIP, base + ".zip");
        }
        Export export = switch (kind) {
            case ExportService.CONSENSUS, ExportService.SCORES -> exports.consensus(study.id());
            case ExportService.RATINGS -> exports.rawRatings(study.id(), named);
            default -> exports.roundStatistics(study.id());
        };
        return switch (chosen) {
            case "xlsx" -> file(XlsxWriter.write(export), XLSX, base + ".xlsx");
            case "json" -> file(JsonWriter.write(export), MediaType.APPLICATION_JSON, base + ".json");
            default -> file(CsvWriter.bytes(export.table(kind)), CSV, base + ".csv");
        };
    }

    /** The study report in the format asked for, from the report feature's export documents. */
    private ResponseEntity<byte[]> report(Study study, @Nullable String format, boolean named) {
        String chosen = format == null ? "html" : format.toLowerCase(Locale.ROOT);
        if (!REPORT_FORMATS.contains(chosen)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Parameter \"format\" must be html or pdf for the report,"
                    + " was \"" + format + "\".", List.of(new ApiError.FieldProblem("format", "must be html or pdf")));
        }
        if (named) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Parameter \"named\" applies only to the ratings and bundle"
                    + " exports.", List.of(new ApiError.FieldProblem("named", "only for ratings and bundle")));
        }
        ExportDocument document = documents.stream()
                .filter(candidate -> candidate.fileName(study.id()).endsWith("." + chosen))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "This installation offers no " + chosen
                        + " report."));
        return file(document.render(study.id()), MediaType.parseMediaType(document.contentType()),
                document.fileName(study.id()));
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
