package org.delphipanel.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.PanelRole;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A new version of a rubric never changes a study that uses an older one: the study keeps its rubric
 * version, its ratings and its results (stored and recomputed), while new studies can use the new
 * version. The rubric is a copy of SaferAI under a code of its own, so that other tests, which use
 * the latest SaferAI version, are not moved to version 2.
 */
@SpringBootTest
class FrameworkVersioningIT {

    @Autowired
    FrameworkService frameworks;
    @Autowired
    StudyService studies;
    @Autowired
    RatingService ratings;
    @Autowired
    ResultsService results;
    @Autowired
    StudyTestData data;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    private static byte[] rubric(String code, int version) {
        String source = BuiltInFrameworks.saferAiSource()
                .replace("\"code\": \"saferai-2024\"", "\"code\": \"" + code + "\"")
                .replace("\"version\": 1,", "\"version\": " + version + ",");
        if (version > 1) {
            // version 2 renames a criterion: its code and name differ, so results on either are told apart
            source = source.replace("\"code\": \"assurance-properties\"", "\"code\": \"assurance-evidence\"")
                    .replace("\"name\": \"Assurance properties\"", "\"name\": \"Assurance evidence\"");
        }
        return source.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> nodeCodes(StudyResults computed) {
        return computed.content().nodes().stream().map(StudyResults.Node::code).toList();
    }

    @Test
    void a_study_on_version_1_keeps_its_rubric_ratings_and_results_when_version_2_is_imported() {
        String code = "it-versioning-" + StudyTestData.uniqueTag();
        AppUser facilitator = data.aUser(Role.FACILITATOR, "versioning");
        ActingAs.user(facilitator.email(), "FACILITATOR");
        Framework version1 = frameworks.importRubric(rubric(code, 1), code + ".json").framework();
        long f = facilitator.id().value();

        // a study on version 1 with one closed round rated by three experts, and its results
        Study study = studies.createStudy(f, version1.id(), new StudyDetails("On version 1 " + code, null,
                "How mature?"));
        Target target = studies.addTarget(f, study.id(), new TargetDetails("Developer " + code, null, null));
        List<Long> experts = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            experts.add(data.aUser(Role.EXPERT, "versioning-expert").id().value());
            studies.addPanelist(f, study.id(), experts.getLast(), PanelRole.EXPERT);
        }
        Round round = studies.openNextRound(f, study.id(), null);
        for (int e = 0; e < experts.size(); e++) {
            for (Criterion criterion : version1.criteria()) {
                ratings.save(experts.get(e), new RatingChange(round.id(), target.id(), criterion.id(),
                        new BigDecimal("2." + e), Confidence.HIGH, "because", List.of(), null));
            }
        }
        studies.closeRound(f, round.id());
        StudyResults before = results.compute(study.id());
        assertThat(nodeCodes(before)).contains("assurance-properties").doesNotContain("assurance-evidence");

        Framework version2 = frameworks.importRubric(rubric(code, 2), code + "-v2.json").framework();

        // the study, its rubric, its ratings and its results are those of version 1
        assertThat(version2.id()).isNotEqualTo(version1.id());
        assertThat(version2.version()).isEqualTo(2);
        assertThat(studies.study(study.id()).frameworkId()).isEqualTo(version1.id());
        assertThat(frameworks.find(version1.id())).contains(version1);
        assertThat(ratings.roundRatings(f, round.id())).hasSize(3 * version1.criteria().size())
                .extracting(Rating::criterionId)
                .allMatch(id -> version1.criteria().stream().anyMatch(c -> c.id() == id));
        assertThat(results.results(study.id())).contains(before);
        StudyResults recomputed = results.compute(study.id());
        assertThat(nodeCodes(recomputed)).isEqualTo(nodeCodes(before));
        assertThat(recomputed.target(target.name()).overall().score())
                .isEqualTo(before.target(target.name()).overall().score());

        // a new study is offered version 2 and uses it
        assertThat(frameworks.latest(code)).contains(version2);
        assertThat(frameworks.list()).extracting(FrameworkSummary::id).contains(version1.id(), version2.id());
        Study newer = studies.createStudy(f, version2.id(), new StudyDetails("On version 2 " + code, null, null));
        assertThat(newer.frameworkId()).isEqualTo(version2.id());
        assertThat(frameworks.find(newer.frameworkId()).orElseThrow().criteria()).extracting(Criterion::code)
                .contains("assurance-evidence").doesNotContain("assurance-properties");
    }
}
