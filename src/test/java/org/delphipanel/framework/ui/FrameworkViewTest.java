package org.delphipanel.framework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.framework.Band;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.framework.FrameworkSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameworkViewTest extends KaribuTest {

    @BeforeEach
    void openTheView() {
        login("expert@example.org", "EXPERT");
        UI.getCurrent().navigate(FrameworkView.class);
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<FrameworkNode> tree() {
        return _get(TreeGrid.class);
    }

    private static List<FrameworkNode> rows(TreeGrid<FrameworkNode> tree) {
        List<FrameworkNode> rows = new ArrayList<>();
        IntStream.range(0, GridKt._size(tree)).forEach(i -> rows.add(GridKt._get(tree, i)));
        return rows;
    }

    @Test
    void the_saferai_rubric_is_shown_first_with_its_whole_tree_expanded() {
        @SuppressWarnings("unchecked")
        Select<FrameworkSummary> chooser = _get(Select.class);
        assertThat(chooser.getLabel()).isEqualTo("Rubric and version");
        assertThat(chooser.getValue().label()).isEqualTo("saferai-2024 v1");

        assertThat(rows(tree())).extracting(FrameworkNode::code).containsExactly(
                "overall", "risk-identification", "risk-tolerance-analysis", "global-risk-tolerance",
                "operational-risk-tolerance", "evaluation-protocols", "risk-mitigation", "deployment-measures",
                "containment-measures", "assurance-properties");
    }

    @Test
    void each_row_shows_its_weight_in_the_parent_and_its_share_of_the_overall_score() {
        TreeGrid<FrameworkNode> tree = tree();
        // 1/3 of the overall score; 1/3 * 1/2 = 1/6 = 16.67 %; 1/3 * 1/3 = 1/9 = 11.11 %
        assertThat(GridKt._getFormattedRow(tree, 1))
                .containsExactly("Risk identification", "risk-identification", "1/3 (33.3 %)", "33.33 %", "0–5, step 0.1");
        assertThat(GridKt._getFormattedRow(tree, 4))
                .containsExactly("Operational risk tolerance", "operational-risk-tolerance", "0.5 (50 %)", "16.67 %",
                        "0–5, step 0.1");
        assertThat(GridKt._getFormattedRow(tree, 6))
                .containsExactly("Risk mitigation", "risk-mitigation", "1/3 (33.3 %)", "33.33 %", "Group of 3");
        assertThat(GridKt._getFormattedRow(tree, 9).get(3)).isEqualTo("11.11 %");
    }

    @Test
    void selecting_a_criterion_shows_its_six_grade_descriptors() {
        TreeGrid<FrameworkNode> tree = tree();
        FrameworkNode riskIdentification = rows(tree).get(1);

        tree.select(riskIdentification);

        String details = _get(Section.class, spec -> spec.withId("node-details")).getElement().getTextRecursively();
        assertThat(details).contains("Risk identification", "Code: risk-identification",
                "engaged in open-ended red teaming to uncover potential new threats");
        DescriptionList levels = _get(DescriptionList.class, spec -> spec.withId("grade-descriptors"));
        String text = levels.getElement().getTextRecursively();
        assertThat(text).contains("Grade 0", "No information available.", "Grade 5",
                "There is a comprehensive, continued, and detailed effort to ensure all risks are found and addressed.");
        assertThat(levels.getChildren().filter(DescriptionList.Term.class::isInstance)).hasSize(6);
    }

    @Test
    void the_bands_are_listed_with_their_ranges_in_words() {
        @SuppressWarnings("unchecked")
        Grid<Band> bands = _get(Grid.class, spec -> spec.withId("bands"));
        assertThat(GridKt._size(bands)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(bands, 0)).containsExactly("Non-existent", "[0, 0]", "exactly 0");
        assertThat(GridKt._getFormattedRow(bands, 1)).containsExactly("Very weak", "(0, 1]", "above 0 up to and including 1");
        assertThat(GridKt._getFormattedRow(bands, 5)).containsExactly("Strong", "(4, 5]", "above 4 up to and including 5");
    }

    @Test
    void on_a_phone_only_the_criterion_and_its_share_stay_visible() {
        FrameworkView view = _get(FrameworkView.class);
        view.fitColumns(390);
        assertThat(tree().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Criterion", "Share of overall");
        view.fitColumns(1280);
        assertThat(tree().getColumns().stream().filter(Grid.Column::isVisible)).hasSize(5);
    }
}
