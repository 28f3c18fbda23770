package org.delphipanel.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.Framework;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.Role;
import org.delphipanel.study.Panelist;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyOverview;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The studies a token may see, and one study's rules, rounds, targets and criteria. */
@Tag(name = "Studies", description = "The studies a token may see, their rules and rounds")
@RestController
@RequestMapping(path = "/api/studies", produces = "application/json")
class StudiesController {

    private final ApiAccess access;
    private final StudyService studies;
    private final FrameworkService frameworks;

    StudiesController(ApiAccess access, StudyService studies, FrameworkService frameworks) {
        this.access = access;
        this.studies = studies;
        this.frameworks = frameworks;
    }

    /** The token owner's studies (every study for an administrator), narrowed to the token's restriction. */
    @Operation(summary = "The studies the token may see", description = "The token owner's studies (every study for an administrator), narrowed to the token's study restriction, by id.")
    @GetMapping
    List<StudySummary> list() {
        ApiPrincipal principal = access.principal();
        List<StudyOverview> overviews = principal.role() == Role.ADMIN ? studies.allOverviews(principal.userId())
                : studies.overviewsFor(principal.userId());
        return overviews.stream()
                .filter(o -> principal.reaches(o.study().id().value()))
                .sorted(Comparator.comparingLong(o -> o.study().id().value()))
                .map(o -> new StudySummary(o.study().id().value(), o.study().name(), o.study().state().name(),
                        o.myRole() == null ? null : o.myRole().name(),
                        o.currentRound() == null ? null : RoundDocument.of(o.currentRound()), o.targetCount(),
                        o.expertCount()))
                .toList();
    }

    /** One study: its question, rules, rounds, and the targets and criteria that ratings refer to by id. */
    @Operation(summary = "One study with its rules, rounds, targets and criteria", description = "The rules are the pre-registered consensus and stopping rules and the rationale policy; targets and criteria carry the ids that ratings refer to, criteria with their scales.")
    @GetMapping("/{studyId}")
    StudyDocument study(@PathVariable long studyId) {
        Study study = access.study(studyId);
        ApiPrincipal principal = access.principal();
        Framework framework = frameworks.find(study.frameworkId())
                .orElseThrow(() -> new IllegalStateException("the rubric of study " + study.name() + " is missing"));
        String myRole = studies.panelist(study.id(), principal.userId()).map(Panelist::role).map(Enum::name)
                .orElse(null);
        return new StudyDocument(study.id().value(), study.name(), study.description(), study.question(),
                study.state().name(), myRole,
                new RubricDocument(framework.id(), framework.code(), framework.version(), framework.name()),
                RulesDocument.of(study.rules()),
                studies.rounds(study.id()).stream().sorted(Comparator.comparingInt(Round::number))
                        .map(RoundDocument::of).toList(),
                studies.targets(study.id()).stream().map(TargetDocument::of).toList(),
                framework.criteria().stream().map(CriterionDocument::of).toList());
    }

    /** A study as listed. {@code myRole} is FACILITATOR, EXPERT, or null for an administrator off the panel. */
    public record StudySummary(long id, String name, String state, @Nullable String myRole,
            @Nullable RoundDocument currentRound, int targets, int experts) {
    }

    public record StudyDocument(long id, String name, @Nullable String description, @Nullable String question,
            String state, @Nullable String myRole, RubricDocument rubric, RulesDocument rules,
            List<RoundDocument> rounds, List<TargetDocument> targets, List<CriterionDocument> criteria) {
    }

    public record RubricDocument(long id, String code, int version, String name) {
    }

    /**
     * The rules fixed before round 1: consensus and stopping rules in the text form of docs/statistics.md,
     * the rationale policy (ALWAYS, WHEN_DEVIATING, NEVER) and the rest of the study's settings.
     */
    public record RulesDocument(String consensusRule, String stoppingRule, int maxRounds, boolean carryConsensus,
            int quantileType, String rationalePolicy, boolean prefillPrevious) {

        static RulesDocument of(StudyRules rules) {
            return new RulesDocument(rules.consensusRule(), rules.stoppingRule(), rules.maxRounds(),
                    rules.carryConsensus(), rules.quantileType(), rules.rationalePolicy().name(),
                    rules.prefillPrevious());
        }
    }

    /** A round: DRAFT, OPEN or CLOSED, with its times (UTC, ISO 8601) and its deadline if it has one. */
    public record RoundDocument(long id, int number, String state, @Nullable Instant openedAt,
            @Nullable Instant closesAt, @Nullable Instant closedAt) {

        static RoundDocument of(Round round) {
            return new RoundDocument(round.id().value(), round.number(), round.state().name(), round.openedAt(),
                    round.closesAt(), round.closedAt());
        }
    }

    public record TargetDocument(long id, String name, @Nullable String description, @Nullable String website) {

        static TargetDocument of(Target target) {
            return new TargetDocument(target.id().value(), target.name(), target.description(), target.website());
        }
    }

    /** A criterion experts grade, with its scale: grades from {@code min} to {@code max} in steps of {@code step}. */
    public record CriterionDocument(long id, String code, String name, BigDecimal min, BigDecimal max,
            BigDecimal step) {

        static CriterionDocument of(Criterion criterion) {
            return new CriterionDocument(criterion.id(), criterion.code(), criterion.name(), criterion.scale().min(),
                    criterion.scale().max(), criterion.scale().step());
        }
    }
}
