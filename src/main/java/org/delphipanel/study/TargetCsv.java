package org.delphipanel.study;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.delphipanel.base.CsvRecords;
import org.jspecify.annotations.Nullable;

/**
 * Turns the target CSV format of docs/user-guide.md into targets with their evidence, or into the full
 * list of problems. One row is one target, optionally with one evidence item; further rows with the
 * same name add more evidence to that target. Checks only the file itself: whether a name is already
 * a target of the study is the service's business.
 */
final class TargetCsv {

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String WEBSITE = "website";
    static final String EVIDENCE_TITLE = "evidence_title";
    static final String EVIDENCE_URL = "evidence_url";
    static final String EVIDENCE_EXCERPT = "evidence_excerpt";
    static final String EVIDENCE_DATE = "evidence_date";
    static final List<String> COLUMNS = List.of(NAME, DESCRIPTION, WEBSITE, EVIDENCE_TITLE, EVIDENCE_URL,
            EVIDENCE_EXCERPT, EVIDENCE_DATE);

    /** The most text one import takes (the upload limit of the study setup view, in bytes, is the same). */
    static final int MAX_CHARS = 1_000_000;
    /** The most rows one import takes, after the header. */
    static final int MAX_ROWS = 5_000;

    /** A target to add, the line of its first row, and its evidence with each item's line. */
    record PlannedTarget(int line, TargetDetails details, List<PlannedEvidence> evidence) {
    }

    record PlannedEvidence(int line, EvidenceDetails details) {
    }

    /**
     * The targets from the rows without problems, and the problems of the others; the targets may be
     * stored only when there are no problems, but the service checks them anyway to report everything.
     */
    record Parsed(List<PlannedTarget> targets, List<ImportProblem> problems) {
    }

    private TargetCsv() {
    }

    static Parsed parse(String text) {
        if (text.length() > MAX_CHARS) {
            return problem(new ImportProblem(1, null, "the file has " + text.length() + " characters; at most "
                    + MAX_CHARS + " are taken at once: split it into several files"));
        }
        List<CsvRecords.Record> rows = CsvRecords.read(text);
        if (rows.size() - 1 > MAX_ROWS) {
            return problem(new ImportProblem(1, null, "the file has " + (rows.size() - 1) + " rows; at most "
                    + MAX_ROWS + " are taken at once: split it into several files"));
        }
        List<ImportProblem> malformed = rows.stream().filter(CsvRecords.Record::malformed)
                .map(row -> new ImportProblem(row.line(), null, "malformed CSV: " + row.problem()))
                .toList();
        if (!malformed.isEmpty()) {
            return new Parsed(List.of(), malformed);
        }
        if (rows.isEmpty()) {
            return problem(new ImportProblem(1, null, "the file is empty; the first line must name the columns, e.g. "
                    + String.join(",", COLUMNS)));
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> header = header(rows.get(0), problems);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (rows.size() == 1) {
            return problem(new ImportProblem(rows.get(0).line(), null, "the file has column names but no targets"));
        }
        Map<String, Builder> byName = new LinkedHashMap<>();
        Map<List<String>, Integer> seen = new HashMap<>();
        for (CsvRecords.Record row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                problems.add(new ImportProblem(row.line(), null, "has " + row.fields().size() + " fields, but the first"
                        + " line names " + header.size() + " columns"));
                continue;
            }
            // a repeated row would add the same evidence twice
            List<String> normalised = row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
            Integer earlier = seen.putIfAbsent(normalised, row.line());
            if (earlier != null) {
                problems.add(new ImportProblem(row.line(), null, "repeats line " + earlier + "; remove one of them"));
                continue;
            }
            readRow(row, header, byName, problems);
        }
        return new Parsed(byName.values().stream().map(Builder::build).toList(), problems);
    }

    private static Map<String, Integer> header(CsvRecords.Record row, List<ImportProblem> problems) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String column = row.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                problems.add(new ImportProblem(row.line(), column.isEmpty() ? "(column " + (i + 1) + ")" : column,
                        "unknown column; the columns are " + String.join(", ", COLUMNS)));
            } else if (header.putIfAbsent(column, i) != null) {
                problems.add(new ImportProblem(row.line(), column, "the column is named twice"));
            }
        }
        if (!header.containsKey(NAME) && problems.isEmpty()) {
            problems.add(new ImportProblem(row.line(), NAME, "the first line must name a column \"name\""));
        }
        return header;
    }

    private static void readRow(CsvRecords.Record row, Map<String, Integer> header, Map<String, Builder> byName,
            List<ImportProblem> problems) {
        int before = problems.size();
        String name = field(row, header, NAME);
        TargetDetails details = check(row.line(), NAME, problems,
                () -> new TargetDetails(name == null ? "" : name, field(row, header, DESCRIPTION), null));
        String website = check(row.line(), WEBSITE, problems,
                () -> Inputs.webAddress(field(row, header, WEBSITE), "the website"));
        EvidenceDetails evidence = evidence(row, header, problems);
        if (problems.size() > before || details == null) {
            return;
        }
        var target = new TargetDetails(details.name(), details.description(), website);
        String key = target.name().toLowerCase(Locale.ROOT);
        Builder existing = byName.get(key);
        if (existing == null) {
            existing = new Builder(row.line(), target);
            byName.put(key, existing);
        } else if (!existing.sameOrBlank(target)) {
            problems.add(new ImportProblem(row.line(), target.description() != null
                    && !Objects.equals(target.description(), existing.details.description()) ? DESCRIPTION : WEBSITE,
                    "differs from line " + existing.line + ", which describes " + target.name() + " already; leave it"
                            + " empty on the rows that only add evidence"));
            return;
        }
        if (evidence != null) {
            existing.evidence.add(new PlannedEvidence(row.line(), evidence));
        }
    }

    private static @Nullable EvidenceDetails evidence(CsvRecords.Record row, Map<String, Integer> header,
            List<ImportProblem> problems) {
        String title = field(row, header, EVIDENCE_TITLE);
        String url = field(row, header, EVIDENCE_URL);
        String excerpt = field(row, header, EVIDENCE_EXCERPT);
        String date = field(row, header, EVIDENCE_DATE);
        if (title == null && url == null && excerpt == null && date == null) {
            return null;
        }
        int before = problems.size();
        if (title == null) {
            problems.add(new ImportProblem(row.line(), EVIDENCE_TITLE,
                    "an evidence item needs a title when any other evidence column is filled in"));
        }
        String cleanUrl = check(row.line(), EVIDENCE_URL, problems, () -> Inputs.webAddress(url, "the evidence URL"));
        LocalDate published = null;
        if (date != null) {
            try {
                published = LocalDate.parse(date);
            } catch (DateTimeParseException notIso) {
                problems.add(new ImportProblem(row.line(), EVIDENCE_DATE,
                        "\"" + date + "\" is not a date in the form YYYY-MM-DD"));
            }
        }
        if (problems.size() > before || title == null) {
            return null;
        }
        LocalDate publishedOn = published;
        return check(row.line(), EVIDENCE_TITLE, problems,
                () -> new EvidenceDetails(title, cleanUrl, excerpt, publishedOn));
    }

    private static <T> @Nullable T check(int line, String column, List<ImportProblem> problems, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException refused) {
            problems.add(new ImportProblem(line, column, refused.getMessage()));
            return null;
        }
    }

    private static @Nullable String field(CsvRecords.Record row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? null : Inputs.optional(row.fields().get(index));
    }

    private static Parsed problem(ImportProblem problem) {
        return new Parsed(List.of(), List.of(problem));
    }

    private static final class Builder {
        private final int line;
        private final TargetDetails details;
        private final List<PlannedEvidence> evidence = new ArrayList<>();

        Builder(int line, TargetDetails details) {
            this.line = line;
            this.details = details;
        }

        boolean sameOrBlank(TargetDetails other) {
            return (other.description() == null || other.description().equals(details.description()))
                    && (other.website() == null || other.website().equals(details.website()));
        }

        PlannedTarget build() {
            return new PlannedTarget(line, details, List.copyOf(evidence));
        }
    }
}
