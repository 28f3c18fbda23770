package org.delphipanel.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.scoring.Dispersion;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The review, convergence, agreement and results views on the demo study, for each kind of viewer. */
@TestPropertySource(properties = "delphi.demo.enabled=true")
class ScoringViewsTest extends KaribuTest {

    private static final String FACILITATOR = "facilitator@example.org";
    private static final String EXPERT = "expert2@example.org";

    @Autowired
    StudyService studies;
    @Autowired
    UserService users;

    private Study demo;

    @BeforeEach
    void findTheDemo() {
        long facilitator = users.findByEmail(FACILITATOR).orElseThrow().id().value();
        demo = studies.overviewsFor(facilitator).getFirst().study();
    }

    private String route(String page) {
        return "studies/" + demo.id().value() + "/" + page;
    }

    private static String pageText() {
        return UI.getCurrent().getCurrentView().getElement().getTextRecursively();
    }

    private static String svgs() {
        return String.join("\n", _find(Html.class).stream().map(Html::getInnerHtml).toList());
    }

    private static void await(CompletableFuture<?> computation) throws Exception {
        if (computation != null) {
            computation.handle((r, e) -> null).get(60, TimeUnit.SECONDS);
        }
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void a_facilitator_sees_live_progress_the_heatmap_and_the_most_contested_cells_with_reasons() {
        login(FACILITATOR, "FACILITATOR");
        UI.getCurrent().navigate(route("review"));

        assertThat(_get(H1.class).getText()).isEqualTo("Review");
        String text = pageText();
        assertThat(text).contains("Progress of round 3").contains("Demo Expert 1 (Expert 1)").contains("of 42")
                .contains("Live: this round is open").contains("Most contested cells");
        TextArea reminder = _get(TextArea.class, spec -> spec.withLabel("Reminder for the experts who have not submitted"));
        assertThat(reminder.getValue()).contains("expert1@example.org").contains("Demo Expert 8 (Expert 8): ");
        assertThat(svgs()).contains("<svg").contains("role=\"img\"").contains("<title")
                .contains("Disagreement by cell, round 3 (IQR)").contains("consensus");
        assertThat(_find(H3.class)).hasSizeGreaterThanOrEqualTo(ReviewView.CONTESTED_SHOWN);
        assertThat(_find(H3.class).getFirst().getText()).startsWith("1. ");

        @SuppressWarnings("unchecked")
        Select<org.delphipanel.study.Round> round = _get(Select.class, spec -> spec.withLabel("Round"));
        round.setValue(studies.rounds(demo.id()).get(1));
        @SuppressWarnings("unchecked")
        Select<Dispersion> measure = _get(Select.class, spec -> spec.withLabel("Colour the heatmap by"));
        measure.setValue(Dispersion.RWG);
        assertThat(pageText()).doesNotContain("Live: this round is open").contains("Disagreement triage, round 2");
        assertThat(svgs()).contains("Disagreement by cell, round 2 (rwg)");
        ReviewView view = _get(ReviewView.class);
        var first = view.triage().mostContestedFirst().getFirst();
        assertThat(pageText()).contains("1. " + first.target() + " × " + first.criterion()).contains(first.reasons().getFirst());
    }

    @Test
    void an_expert_is_refused_the_review_convergence_and_agreement_views() {
        login(EXPERT, "EXPERT");
        for (String page : List.of("review", "convergence", "agreement")) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(route(page))).as(page)
                    .hasMessageContaining("Access is denied");
        }
    }

    @Test
    void a_facilitator_follows_the_convergence_and_the_stopping_advice() {
        login(FACILITATOR, "FACILITATOR");
        UI.getCurrent().navigate(route("convergence"));

        assertThat(pageText()).contains("Recommendation:").contains("consensus>=0.8 or stable(0.15) or max_rounds")
                .contains("Round 1").contains("Round 2").contains("Krippendorff's alpha (ordinal)");
        NativeTable rounds = _find(NativeTable.class).getFirst();
        assertThat(rounds.getBody().getRows()).hasSize(2);
        assertThat(svgs()).contains("Median and IQR by round, per cell");
    }

    @Test
    void a_facilitator_reads_the_agreement_statistics_computed_in_the_background() throws Exception {
        login(FACILITATOR, "FACILITATOR");
        UI.getCurrent().navigate(route("agreement"));
        await(_get(AgreementView.class).computation());

        String text = pageText();
        assertThat(text).contains("Krippendorff's alpha (ordinal)").contains("ICC2k").contains("Kendall's W")
                .contains("Gwet's AC2").contains("Krippendorff (2004)").contains("Koo & Li (2016)");
        // round 3 is open and incomplete: ICC needs complete data and the page says why
        assertThat(text).contains("undefined (");

        @SuppressWarnings("unchecked")
        Select<org.delphipanel.study.Round> round = _get(Select.class, spec -> spec.withLabel("Round"));
        round.setValue(studies.rounds(demo.id()).get(1));
        await(_get(AgreementView.class).computation());
        NativeTableRow icc = _find(NativeTableRow.class).stream()
                .filter(r -> "ICC2k".equals(r.getElement().getAttribute("data-statistic"))).findFirst().orElseThrow();
        assertThat(icc.getElement().getTextRecursively()).contains("[").doesNotContain("undefined");
    }

    @Test
    void results_are_computed_in_the_background_published_and_only_then_shown_to_experts() throws Exception {
        login(EXPERT, "EXPERT");
        UI.getCurrent().navigate(route("results"));
        assertThat(pageText()).contains("not published yet");

        login(FACILITATOR, "FACILITATOR");
        UI.getCurrent().navigate(route("results"));
        assertThat(pageText()).contains("No results have been computed").contains("latest closed round, round 2");
        _get(Button.class, spec -> spec.withText("Compute results from round 2")).click();
        assertThat(pageText()).contains("in the background");
        await(_get(ResultsView.class).computation());

        assertThat(pageText()).contains("Computed from the ratings of round 2").contains("Not published")
                .contains("Rank probabilities").contains("Ranking by median and by mean");
        assertThat(svgs()).contains("Overall scores with confidence ranges (round 2)");
        NativeTableRow overall = _find(NativeTableRow.class).stream()
                .filter(r -> "overall".equals(r.getElement().getAttribute("data-node"))).findFirst().orElseThrow();
        assertThat(overall.getElement().getTextRecursively()).containsPattern("\\d\\.\\d\\d \\[\\d\\.\\d\\d, \\d\\.\\d\\d]");

        _get(Button.class, spec -> spec.withText("Publish to the study's experts")).click();
        assertThat(pageText()).contains("Published");

        login(EXPERT, "EXPERT");
        UI.getCurrent().navigate(route("review").replace("review", "results"));
        assertThat(pageText()).contains("Computed from the ratings of round 2").doesNotContain("Compute results");
        assertThat(_find(_get(ResultsView.class), Button.class)).isEmpty();
    }
}
