package org.delphipanel.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The export page for facilitators and experts, the named export's confirmation, and the import's report. */
class ExportViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;
    @Autowired
    RatingService ratings;
    @Autowired
    ResultsService results;

    private Fixture fixture;

    @BeforeEach
    void aStudyWithOneClosedRoundAndRoundTwoOpen() {
        Fixture open = data.anOpenRound(2, 1);
        Criterion criterion = open.framework().criteria().getFirst();
        ratings.save(open.expert(0), new RatingChange(open.round().id(), open.targets().getFirst().id(), criterion.id(),
                new BigDecimal("3"), null, null, List.of(), null));
        fixture = data.openNextRound(data.closeRound(open), null);
    }

    private String route() {
        return "studies/" + fixture.study().id().value() + "/export";
    }

    private static String pageText() {
        return UI.getCurrent().getCurrentView().getElement().getTextRecursively();
    }

    private static List<String> anchorIds() {
        return _find(Anchor.class).stream().map(a -> a.getId().orElse("")).filter(id -> id.startsWith("download-"))
                .toList();
    }

    @Test
    void a_facilitator_gets_every_download_and_the_named_export_only_after_confirming() {
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate(route());
        assertThat(_get(H1.class).getText()).isEqualTo("Export");
        assertThat(anchorIds()).containsExactly("download-consensus-csv", "download-scores-csv",
                "download-consensus-xlsx", "download-consensus-json", "download-ratings-csv", "download-ratings-xlsx",
                "download-ratings-json", "download-round-statistics-csv", "download-round-agreement-csv",
                "download-round-statistics-xlsx", "download-round-statistics-json", "download-report-html",
                "download-report-pdf", "download-zip");
        assertThat(_find(Anchor.class).stream().filter(a -> a.getId().orElse("").equals("download-zip")).findFirst()
                .orElseThrow().getHref()).isNotBlank();

        _click(_get(Button.class, spec -> spec.withId("named-export")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("named-confirm"));
        assertThat(anchorIds()).doesNotContain("download-named-csv");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(anchorIds()).contains("download-named-csv", "download-named-zip");
    }

    @Test
    void an_expert_is_told_the_results_are_not_published_yet_and_gets_no_links() {
        login(data.email(fixture.expert(0)), "EXPERT");
        UI.getCurrent().navigate(route());
        assertThat(pageText()).contains("not published yet");
        assertThat(anchorIds()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("named-export"))).isEmpty();
    }

    @Test
    void a_rejected_import_lists_every_problem_and_a_good_one_reports_the_count() {
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate(route());
        ExportView view = _get(ExportView.class);
        String target = fixture.targets().getFirst().name();
        String code = fixture.framework().criteria().getFirst().code();
        view.importFile(("target,criterion,expert,value\n" + target + "," + code + ",Expert 1,9\n" + target + ","
                + code + ",Nobody,1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(pageText()).contains("Nothing was imported. Problems (2):")
                .contains("line 2, column value: 9 is off the scale").contains("line 3, column expert: unknown expert");

        // the first criterion reached consensus in round 1 (one rating) and is not rated again
        view.importFile(("target,criterion,expert,value\n" + target + "," + code + ",Expert 1,2\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(pageText()).contains("line 2: the panel reached consensus on this cell in round 1");
        String other = fixture.framework().criteria().get(1).code();
        view.importFile(("target,criterion,expert,value\n" + target + "," + other + ",Expert 1,2\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(pageText()).contains("Imported 1 ratings into round 2.").doesNotContain("Nothing was imported");
    }

    @Test
    void the_study_report_buttons_download_the_html_and_the_pdf_report_for_facilitators_and_later_for_experts() {
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate(route());
        assertThat(_get(Anchor.class, spec -> spec.withId("download-report-pdf")).getText()).isEqualTo("Study report (PDF)");
        assertThat(_get(Anchor.class, spec -> spec.withId("download-report-html")).getHref()).isNotBlank();
        ExportView view = _get(ExportView.class);
        String html = new String(view.download("download-report-html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(fixture.study().name(), "Agreement per round");
        assertThat(new String(view.download("download-report-pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        results.compute(fixture.study().id());
        results.publish(fixture.study().id());
        login(data.email(fixture.expert(1)), "EXPERT");
        UI.getCurrent().navigate(route());
        assertThat(anchorIds()).contains("download-report-html", "download-report-pdf");
        String expertsReport = new String(_get(ExportView.class).download("download-report-html"), StandardCharsets.UTF_8);
        assertThat(expertsReport).contains("Final weighted scores", "published");
    }
}
