package org.delphipanel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.delphipanel.export.RatingsImport;
import org.delphipanel.export.RatingsImportService;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.study.EvidenceItemId;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.TargetId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expert's own ratings of the current round, saving one rating through {@link RatingService#save} as the
 * rating view does, and the facilitators' ratings import. Blindness stays in the services: an expert's token
 * reads only the expert's own ratings of an open round.
 */
@Tag(name = "Ratings", description = "An expert's own ratings of the current round, and the ratings import")
@RestController
@RequestMapping(path = "/api/studies/{studyId}", produces = "application/json")
class RatingsController {

    /** The same limit as the import in the export view. */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    /**
     * Strict on purpose: an unknown field is more likely a typo (e.g. {@code expected_version}) than a
     * wish, and silently ignoring it would turn an edit into a version conflict.
     */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final ApiAccess access;
    private final StudyService studies;
    private final RatingService ratings;
    private final RatingsImportService imports;

    RatingsController(ApiAccess access, StudyService studies, RatingService ratings, RatingsImportService imports) {
        this.access = access;
        this.studies = studies;
        this.ratings = ratings;
        this.imports = imports;
    }

    /** The token owner's own ratings of the study's current round (the open one, else the latest). */
    @Operation(summary = "The token owner's own ratings of the current round", description = "The current round is the open one, else the latest. Only the owner's own ratings, never another expert's. Each rating's version is what a change must send as expectedVersion.")
    @GetMapping("/rounds/current/my-ratings")
    MyRatingsDocument myRatings(@PathVariable long studyId) {
        Study study = access.study(studyId);
        ApiPrincipal principal = access.principal();
        Round round = currentRound(study);
        List<RatingDocument> mine = ratings.myRatings(principal.userId(), round.id()).stream()
                .map(r -> RatingDocument.of(r, round)).toList();
        return new MyRatingsDocument(StudiesController.RoundDocument.of(round), mine);
    }

    /**
     * Saves one rating of the current round for the token's owner, who must be an expert of the study: a
     * first rating without {@code expectedVersion}, a change with the version last read.
     */
    @Operation(summary = "Save one rating of the open round (experts, scope WRITE)", description = "The same rules as the rating view: the round open and before its deadline, a target of the study, a criterion of its rubric, a grade on the criterion's scale, not a settled cell. Without expectedVersion the cell must not be rated yet; with it, the stored version must still be that one (else 409). Returns the saved rating with its new version.")
    @PutMapping(path = "/rounds/current/ratings", consumes = "application/json")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RatingRequest.class)))
    RatingDocument save(@PathVariable long studyId, @RequestBody String body) {
        Study study = access.study(studyId);
        ApiPrincipal principal = access.requireWrite("save ratings");
        RatingRequest request = parse(body);
        Round round = currentRound(study);
        if (!round.isOpen()) {
            throw new ApiException(HttpStatus.LOCKED, "Round " + round.number() + " of study " + study.name() + " is "
                    + round.state().name().toLowerCase(Locale.ROOT) + ": it does not take ratings.");
        }
        TargetId targetId = new TargetId(request.targetId());
        List<EvidenceItemId> evidence;
        if (request.evidenceIds() != null) {
            evidence = request.evidenceIds().stream().map(EvidenceItemId::new).toList();
        } else if (request.expectedVersion() != null) {
            // a change that does not mention evidence keeps what the expert linked (e.g. in the UI)
            evidence = ratings.myRatings(principal.userId(), round.id()).stream()
                    .filter(r -> r.targetId().equals(targetId) && r.criterionId() == request.criterionId())
                    .findFirst().map(Rating::evidence).orElse(List.of());
        } else {
            evidence = List.of();
        }
        Rating saved = ratings.save(principal.userId(), new RatingChange(round.id(), targetId, request.criterionId(),
                request.grade(), confidence(request.confidence()), request.rationale(), evidence,
                request.expectedVersion()));
        return RatingDocument.of(saved, round);
    }

    /**
     * Imports a long CSV of ratings into the study's open round, all or nothing (see {@link RatingsImportService}).
     */
    @Operation(summary = "Import ratings into the open round (facilitators, scope WRITE)", description = "A long CSV (UTF-8, header target,criterion,expert,value[,confidence][,rationale]; expert is a pseudonym or e-mail), all or nothing: any problem rejects the whole file with 422 and every problem by line and column in details.")
    @PostMapping(path = "/ratings-import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The CSV file, UTF-8, header"
            + " target,criterion,expert,value[,confidence][,rationale]", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    ImportDocument importRatings(@PathVariable long studyId, HttpServletRequest request) throws IOException {
        Study study = access.study(studyId);
        access.requireWrite("import ratings");
        byte[] file = readLimited(request);
        RatingsImport done = imports.importRatings(study.id(), file);
        return new ImportDocument(done.ratings(), done.roundNumber());
    }

    private Round currentRound(Study study) {
        return studies.currentRound(study.id()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Study " + study.name() + " has no round yet."));
    }

    static RatingRequest parse(String body) {
        if (body.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body is empty; send a JSON object with"
                    + " targetId, criterionId and grade.");
        }
        RatingRequest request;
        try {
            request = STRICT.readValue(body, RatingRequest.class);
        } catch (UnrecognizedPropertyException unknown) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Unknown field \"" + unknown.getPropertyName() + "\"; the"
                    + " fields are " + String.join(", ", RatingRequest.FIELDS) + ".",
                    List.of(new ApiError.FieldProblem(unknown.getPropertyName(), "unknown field")));
        } catch (JacksonException malformed) {
            String field = malformed.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null).findFirst().orElse(null);
            if (field == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not a valid JSON object: "
                        + malformed.getOriginalMessage());
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, "Field \"" + field + "\" has a wrong type: it must be "
                    + RatingRequest.expected(field) + ".", List.of(new ApiError.FieldProblem(field,
                            "must be " + RatingRequest.expected(field))));
        }
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The body is null; send a JSON object.");
        }
        List<ApiError.FieldProblem> missing = new ArrayList<>();
        if (request.targetId() == null) {
            missing.add(new ApiError.FieldProblem("targetId", "is required"));
        }
        if (request.criterionId() == null) {
            missing.add(new ApiError.FieldProblem("criterionId", "is required"));
        }
        if (request.grade() == null) {
            missing.add(new ApiError.FieldProblem("grade", "is required"));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Missing field(s): " + String.join(", ",
                    missing.stream().map(ApiError.FieldProblem::field).toList()) + ".", missing);
        }
        if (request.targetId() < 1 || request.criterionId() < 1) {
            String field = request.targetId() < 1 ? "targetId" : "criterionId";
            throw new ApiException(HttpStatus.BAD_REQUEST, "Field \"" + field + "\" must be a positive id.",
                    List.of(new ApiError.FieldProblem(field, "must be positive")));
        }
        confidence(request.confidence());
        return request;
    }

    private static @Nullable Confidence confidence(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(Confidence.values()).filter(c -> c.name().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "Field \"confidence\" must be low, medium,"
                        + " high or null, was \"" + text + "\".", List.of(new ApiError.FieldProblem("confidence",
                                "must be low, medium, high or null"))));
    }

    private static byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
            throw tooLarge(request.getContentLengthLong());
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
            if (bytes.length > MAX_IMPORT_BYTES) {
                throw tooLarge(-1);
            }
            return bytes;
        }
    }

    private static ApiException tooLarge(long length) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The file is too large" + (length > 0 ? " (" + length
                + " bytes)" : "") + ": an import may have at most " + MAX_IMPORT_BYTES + " bytes; split it by round"
                + " or expert.");
    }

    /**
     * The body of a rating PUT.
     *
     * @param confidence low, medium, high, or null
     * @param expectedVersion the version last read; null (or absent) for a first rating of the cell
     * @param evidenceIds the target's evidence items the expert relied on; absent keeps those already linked
     */
    public record RatingRequest(@Nullable Long targetId, @Nullable Long criterionId, @Nullable BigDecimal grade,
            @Nullable String confidence, @Nullable String rationale, @Nullable Integer expectedVersion,
            @Nullable List<Long> evidenceIds) {

        static final List<String> FIELDS = List.of("targetId", "criterionId", "grade", "confidence", "rationale",
                "expectedVersion", "evidenceIds");

        static String expected(String field) {
            return switch (field) {
                case "targetId", "criterionId", "expectedVersion" -> "a whole number";
                case "grade" -> "a number on the criterion's scale";
                case "confidence" -> "one of low, medium, high, or null";
                case "rationale" -> "a string or null";
                case "evidenceIds" -> "an array of whole numbers";
                default -> "of another type";
            };
        }
    }

    /** A saved rating; {@code version} is what the next change must send as {@code expectedVersion}. */
    public record RatingDocument(long id, int round, long targetId, long criterionId, BigDecimal grade,
            @Nullable String confidence, @Nullable String rationale, List<Long> evidenceIds, Instant createdAt,
            Instant updatedAt, int version) {

        static RatingDocument of(Rating rating, Round round) {
            return new RatingDocument(rating.id(), round.number(), rating.targetId().value(), rating.criterionId(),
                    rating.grade(), rating.confidence() == null ? null
                            : rating.confidence().name().toLowerCase(Locale.ROOT),
                    rating.rationale(), rating.evidence().stream().map(EvidenceItemId::value).toList(),
                    rating.createdAt(), rating.updatedAt(), rating.version());
        }
    }

    public record MyRatingsDocument(StudiesController.RoundDocument round, List<RatingDocument> ratings) {
    }

    /** How many ratings an import stored, into which round. */
    public record ImportDocument(int imported, int round) {
    }
}
