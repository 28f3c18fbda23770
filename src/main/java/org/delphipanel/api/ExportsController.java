package org.delphipanel.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.delphipanel.export.CsvWriter;
import org.delphipanel.export.Export;
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
@RestController
@RequestMapping("/api/studies/{studyId}/exports")
class ExportsController {

    static final List<String> KINDS = List.of(ExportService.CONSENSUS, ExportService.SCORES, ExportService.RATINGS,
            ExportService.ROUND_STATISTICS, "bundle");
    static final List<String> FORMATS = List.of("csv", "xlsx", "json");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ApiAccess access;
    private final ExportService exports;

    ExportsController(ApiAccess access, ExportService exports) {
        this.access = access;
        this.exports = exports;
    }

    /**
     * One export as a file.
     *
     * @param kind consensus, scores, ratings, round-statistics or bundle (a ZIP of every CSV with provenance)
     * @param format csv (default), xlsx or json; the bundle is always a ZIP
     * @param named ratings and bundle only: add experts' names and e-mails (facilitators and administrators)
     */
    @GetMapping(path = "/{kind}", produces = {"text/csv", "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"})
    ResponseEntity<byte[]> export(@PathVariable long studyId, @PathVariable String kind,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(defaultValue = "false") boolean named) {
        Study study = access.study(studyId);
        if (!KINDS.contains(kind)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "There is no export \"" + kind + "\"; the exports are "
                    + String.join(", ", KINDS) + ".");
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

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
