package org.delphipanel.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.delphipanel.base.CsvRecords;
import org.delphipanel.base.Utf8Text;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.framework.ScaleDefinition;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.ImportedRating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.rating.RatingsRejectedException;
import org.delphipanel.rating.RatingsRejectedException.Problem;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.UserId;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Brings ratings collected elsewhere into a study's open round from a long CSV file
 * ({@code target,criterion,expert,value[,confidence][,rationale]}), all or nothing: the file is read
 * and checked whole, every problem is reported by line and column, and only a file without any is
 * stored, in one transaction, through {@link RatingService#importRatings}, which enforces who may
 * import (the study's facilitators and administrators) and the rating rules again.
 */
@Service
public class RatingsImportService {

    static final List<String> REQUIRED = List.of("target", "criterion", "expert", "value");
    static final List<String> OPTIONAL = List.of("confidence", "rationale");
    /** The largest file taken, also the upload limit of the export view (docs/security.md). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most ratings one file may hold (200 experts x 50 targets x 20 criteria). */
    static final int MAX_ROWS = 200_000;

    private final StudyService studies;
    private final FrameworkService frameworks;
    private final RatingService ratings;
    private final UserService users;

    RatingsImportService(StudyService studies, FrameworkService frameworks, RatingService ratings, UserService users) {
        this.studies = studies;
        this.frameworks = frameworks;
        this.ratings = ratings;
        this.users = users;
    }

    /**
     * Imports the file into the study's open round.
     *
     * @throws RatingsRejectedException with every problem; nothing was stored
     */
    public RatingsImport importRatings(StudyId studyId, byte[] file) {
        AppUser actor = users.requireCurrentUser("import ratings");
        Study study = studies.study(studyId);
        if (!studies.mayManage(actor.id().value(), studyId)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only the study's facilitators and administrators can import ratings.");
        }
        Round round = studies.currentRound(studyId).filter(Round::isOpen).orElseThrow(() -> new RatingsRejectedException(
                List.of(new Problem(0, "", "study " + study.name() + " has no open round to import ratings into"))));
        if (file.length > MAX_BYTES) {
            throw new RatingsRejectedException(List.of(new Problem(0, "", "the file has " + file.length
                    + " bytes; at most " + MAX_BYTES + " (5 MiB) are taken: split it into several files")));
        }
        List<Problem> problems = new ArrayList<>();
        String text = decode(file, problems);
        if (text == null) {
            throw new RatingsRejectedException(problems);
        }
        List<CsvRecords.Record> records = CsvRecords.read(text);
        if (records.isEmpty()) {
            throw new RatingsRejectedException(List.of(new Problem(1, "", "the file is empty: it needs a header row "
                    + String.join(",", REQUIRED) + "[,confidence][,rationale] and one row per rating")));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new RatingsRejectedException(List.of(new Problem(0, "", "the file has " + (records.size() - 1)
                    + " ratings; at most " + MAX_ROWS + " are taken at once: split it into several files")));
        }
        CsvRecords.Record header = records.getFirst();
        Map<String, Integer> columns = header(header, problems);
        if (!problems.isEmpty()) {
            throw new RatingsRejectedException(problems);
        }
        Framework framework = frameworks.find(study.frameworkId()).orElseThrow();
        Map<String, Target> targets = new HashMap<>();
        studies.targets(studyId).forEach(t -> targets.put(t.name().strip(), t));
        Map<String, Criterion> criteria = new HashMap<>();
        framework.criteria().forEach(c -> criteria.put(c.code(), c));
        Map<String, Panelist> experts = new HashMap<>();
        for (Panelist expert : studies.experts(studyId)) {
            experts.put(expert.pseudonym().strip().toLowerCase(Locale.ROOT), expert);
            users.findById(new UserId(expert.userId()))
                    .ifPresent(u -> experts.put(u.email().strip().toLowerCase(Locale.ROOT), expert));
        }
        Map<String, Integer> firstLine = new HashMap<>();
        List<ImportedRating> imported = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            int line = record.line();
            if (record.malformed()) {
                problems.add(new Problem(line, "", "malformed CSV: " + record.problem()));
                continue;
            }
            if (record.fields().size() != header.fields().size()) {
                problems.add(new Problem(line, "", "has " + record.fields().size() + " fields, the header has "
                        + header.fields().size()));
                continue;
            }
            String targetName = field(record, columns, "target");
            String code = field(record, columns, "criterion");
            String expertName = field(record, columns, "expert");
            String valueText = field(record, columns, "value");
            Target target = targets.get(targetName);
            if (target == null) {
                problems.add(new Problem(line, "target", targetName.isEmpty() ? "is empty"
                        : "unknown target \"" + targetName + "\" (not a target of study " + study.name() + ")"));
            }
            Criterion criterion = criteria.get(code);
            if (criterion == null) {
                problems.add(new Problem(line, "criterion", code.isEmpty() ? "is empty"
                        : "unknown criterion \"" + code + "\" (not a criterion code of rubric " + framework.label() + ")"));
            }
            Panelist expert = experts.get(expertName.toLowerCase(Locale.ROOT));
            if (expert == null) {
                problems.add(new Problem(line, "expert", expertName.isEmpty() ? "is empty"
                        : "unknown expert \"" + expertName + "\" (neither the pseudonym nor the e-mail of an expert of"
                                + " this study)"));
            }
            BigDecimal value = value(valueText, criterion, line, problems);
            Confidence confidence = confidence(record, columns, line, problems);
            String rationale = columns.containsKey("rationale") ? field(record, columns, "rationale") : "";
            if (rationale.length() > 10_000) {
                problems.add(new Problem(line, "rationale", "is longer than 10,000 characters"));
                rationale = "";
            }
            if (target != null && criterion != null && expert != null) {
                String key = expert.id().value() + "/" + target.id().value() + "/" + criterion.code();
                Integer earlier = firstLine.putIfAbsent(key, line);
                if (earlier != null) {
                    problems.add(new Problem(line, "", "duplicate: expert " + expertName + " already rated target "
                            + targetName + " on criterion " + code + " on line " + earlier));
                } else if (value != null) {
                    imported.add(new ImportedRating(line, expert.id(), target.id(), criterion.id(), value, confidence,
                            rationale.isBlank() ? null : rationale));
                }
            }
        }
        if (records.size() == 1 && problems.isEmpty()) {
            problems.add(new Problem(1, "", "the file has a header but no ratings"));
        }
        if (!problems.isEmpty()) {
            throw new RatingsRejectedException(problems);
        }
        int count = ratings.importRatings(actor.id().value(), round.id(), imported);
        return new RatingsImport(count, round.number());
    }

    /** The problems as one message per line, e.g. {@code line 3, column value: 7 is above the scale's maximum 5}. */
    public static List<String> describe(RatingsRejectedException rejected) {
        return rejected.problems().stream().map(RatingsImportService::describe).toList();
    }

    static String describe(Problem problem) {
        String where = problem.line() == 0 ? "" : "line " + problem.line()
                + (problem.column().isEmpty() ? "" : ", column " + problem.column()) + ": ";
        return where + problem.message();
    }

    private static @Nullable String decode(byte[] file, List<Problem> problems) {
        try {
            return Utf8Text.decode(file);
        } catch (Utf8Text.NotUtf8Exception notText) {
            problems.add(new Problem(notText.line(), "", notText.getMessage()));
            return null;
        }
    }

    private static Map<String, Integer> header(CsvRecords.Record header, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        if (header.malformed()) {
            problems.add(new Problem(header.line(), "", "malformed CSV header: " + header.problem()));
            return columns;
        }
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                problems.add(new Problem(header.line(), name, "unknown column \"" + header.fields().get(i)
                        + "\" (the columns are " + String.join(",", REQUIRED) + ",confidence,rationale)"));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(header.line(), name, "the column appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new Problem(header.line(), required, "missing column"));
            }
        }
        return columns;
    }

    private static String field(CsvRecords.Record record, Map<String, Integer> columns, String column) {
        return record.fields().get(columns.get(column)).strip();
    }

    private static @Nullable BigDecimal value(String text, @Nullable Criterion criterion, int line, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem(line, "value", "is empty"));
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, "value", "\"" + text + "\" is not a number (use a point for decimals)"));
            return null;
        }
        if (criterion == null) {
            return value;
        }
        ScaleDefinition scale = criterion.scale();
        if (value.compareTo(scale.min()) < 0 || value.compareTo(scale.max()) > 0) {
            problems.add(new Problem(line, "value", text + " is off the scale of " + criterion.code() + " ("
                    + scale.min().toPlainString() + " to " + scale.max().toPlainString() + ")"));
            return null;
        }
        if (value.subtract(scale.min()).remainder(scale.step()).signum() != 0) {
            problems.add(new Problem(line, "value", text + " is not on a step of the scale of " + criterion.code()
                    + " (steps of " + scale.step().toPlainString() + " from " + scale.min().toPlainString() + ")"));
            return null;
        }
        return value;
    }

    private static @Nullable Confidence confidence(CsvRecords.Record record, Map<String, Integer> columns, int line,
            List<Problem> problems) {
        if (!columns.containsKey("confidence")) {
            return null;
        }
        String text = field(record, columns, "confidence");
        if (text.isEmpty()) {
            return null;
        }
        Optional<Confidence> confidence = java.util.Arrays.stream(Confidence.values())
                .filter(c -> c.name().equalsIgnoreCase(text)).findFirst();
        if (confidence.isEmpty()) {
            problems.add(new Problem(line, "confidence", "\"" + text + "\" is not a confidence (low, medium, high or empty)"));
            return null;
        }
        return confidence.get();
    }
}
