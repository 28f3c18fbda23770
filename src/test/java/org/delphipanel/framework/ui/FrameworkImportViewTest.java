package org.delphipanel.framework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.framework.FrameworkSummary;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rubric upload of the rubrics page, through Karibu's upload of the real handler. */
class FrameworkImportViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;
    @Autowired
    FrameworkService frameworks;

    /** The three-level test rubric (version 2) under a code of its own. */
    private static String rubric(String code) throws IOException {
        try (InputStream in = FrameworkImportViewTest.class.getResourceAsStream("/org/delphipanel/framework/three-level.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("code: test-three-level", "code: " + code);
        }
    }

    private void openAs(Role role) {
        AppUser user = data.aUser(role, "rubric-page");
        login(user.email(), role.name());
        UI.getCurrent().navigate(FrameworkView.class);
    }

    private static void upload(String fileName, String text) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("rubric-upload")), fileName, "application/yaml",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static String result() {
        return _get(Div.class, spec -> spec.withId("rubric-import-result")).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static Select<FrameworkSummary> chooser() {
        return _get(Select.class, spec -> spec.withLabel("Rubric and version"));
    }

    @SuppressWarnings("unchecked")
    private static List<FrameworkSummary> offered(Select<FrameworkSummary> select) {
        return ((DataProvider<FrameworkSummary, Void>) select.getDataProvider()).fetch(new Query<>()).toList();
    }

    @Test
    void a_facilitator_imports_a_good_file_and_the_page_shows_the_new_version() throws IOException {
        openAs(Role.FACILITATOR);
        String code = "ui-good-" + StudyTestData.uniqueTag();

        upload("three-level.yaml", rubric(code));

        assertThat(result()).isEqualTo("Imported Three-level test rubric version 2.");
        assertThat(chooser().getValue().label()).isEqualTo(code + " v2");
        assertThat(frameworks.latest(code)).isPresent();
        assertThat(UI.getCurrent().getCurrentView().getElement().getTextRecursively())
                .contains("at most 1,000,000 characters");
        FrameworkView view = (FrameworkView) UI.getCurrent().getCurrentView();
        assertThat(view.shownSource()).contains(rubric(code));
        assertThat(_get(Anchor.class, spec -> spec.withId("rubric-source-download")).isVisible()).isTrue();
    }

    @Test
    void a_second_import_of_the_same_file_says_nothing_changed() throws IOException {
        openAs(Role.ADMIN);
        String code = "ui-again-" + StudyTestData.uniqueTag();
        upload("three-level.yaml", rubric(code));

        upload("three-level.yaml", rubric(code));

        assertThat(result()).isEqualTo("Three-level test rubric version 2 is already stored, nothing changed.");
        assertThat(chooser().getValue().label()).isEqualTo(code + " v2");
        assertThat(frameworks.list()).filteredOn(summary -> summary.code().equals(code)).hasSize(1);
    }

    @Test
    void every_problem_of_a_bad_file_is_listed_and_nothing_is_stored() throws IOException {
        openAs(Role.FACILITATOR);
        String code = "ui-bad-" + StudyTestData.uniqueTag();
        String bad = rubric(code)
                .replace("weight: 0.7\n", "weight: 0.6\n")
                .replace("weight: 0.25\n", "weight: 0.5\n")
                .replace("name: Oversight\n", "name: Oversight\n          colour: blue\n");

        upload("three-level.yaml", bad);

        assertThat(result()).startsWith("Nothing was imported. Problems in three-level.yaml (3):");
        List<String> problems = _get(UnorderedList.class, spec -> spec.withId("rubric-problems")).getChildren()
                .map(item -> ((ListItem) item).getText()).toList();
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.startsWith("node 'oversight'") && p.contains("colour"));
        assertThat(problems).anyMatch(p -> p.startsWith("node 'oversight'") && p.contains("sum to 0.9"));
        assertThat(problems).anyMatch(p -> p.contains("node 'testing'") && p.contains("sum to 1.25"));
        assertThat(frameworks.latest(code)).isEmpty();
    }

    @Test
    void an_expert_sees_no_upload_but_may_download_the_rubric_file() {
        openAs(Role.EXPERT);

        _assertNone(Upload.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("rubric-source-download")).getText())
                .isEqualTo("Download the rubric file of this version");
        assertThat(UI.getCurrent().getCurrentView().getElement().getTextRecursively()).doesNotContain("Import a rubric");
        FrameworkView view = (FrameworkView) UI.getCurrent().getCurrentView();
        assertThat(view.shownSource()).isPresent();
        assertThat(_get(Anchor.class, spec -> spec.withId("rubric-source-download")).isVisible()).isTrue();
    }

    @Test
    void a_new_study_is_offered_the_imported_version() throws IOException {
        openAs(Role.FACILITATOR);
        String code = "ui-offered-" + StudyTestData.uniqueTag();
        upload("three-level.yaml", rubric(code));

        UI.getCurrent().navigate("studies");

        @SuppressWarnings("unchecked")
        Select<FrameworkSummary> rubricOfNewStudy = _get(Select.class, spec -> spec.withId("new-study-framework"));
        assertThat(offered(rubricOfNewStudy)).extracting(FrameworkSummary::label).contains(code + " v2");
    }
}
