package org.delphipanel.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.PanelMember;
import org.delphipanel.study.Round;
import org.delphipanel.study.RoundState;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.delphipanel.study.Target;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StudySetupViewTest extends KaribuTest {

    @Autowired
    StudyTestData data;

    @Autowired
    StudyService studies;

    private void openSetup(Fixture fixture, String tab) {
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate("studies/" + fixture.study().id() + "/setup");
        NavigatorKt.expectView(StudySetupView.class);
        selectTab(tab);
    }

    private static void selectTab(String label) {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("setup-tabs"));
        int index = IntStream.range(0, tabs.getTabCount()).filter(i -> tabs.getTabAt(i).getLabel().equals(label))
                .findFirst().orElseThrow();
        tabs.setSelectedIndex(index);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String paragraph(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static <T> List<List<String>> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row)).toList();
    }

    @Test
    void a_facilitator_of_the_study_sees_its_setup_in_five_tabs() {
        Fixture fixture = data.aDraftStudy(1, 1);
        openSetup(fixture, StudySetupView.DETAILS);
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("setup-tabs"));
        assertThat(IntStream.range(0, tabs.getTabCount()).mapToObj(i -> tabs.getTabAt(i).getLabel()))
                .containsExactly("Details", "Rules", "Targets & evidence", "Panel", "Rounds");
        assertThat(paragraph("setup-state")).isEqualTo("In setup · No round yet");
        assertThat(_get(TextField.class, spec -> spec.withId("details-name")).getValue())
                .isEqualTo(fixture.study().name());
    }

    @Test
    void an_expert_is_refused_the_setup() {
        Fixture fixture = data.aDraftStudy(1, 1);
        login(data.email(fixture.expert(0)), "EXPERT");
        assertThatThrownBy(() -> UI.getCurrent().navigate("studies/" + fixture.study().id() + "/setup"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void a_facilitator_of_another_study_is_told_they_cannot_set_this_one_up() {
        Fixture fixture = data.aDraftStudy(1, 1);
        Fixture other = data.aDraftStudy(1, 1);
        login(data.email(other.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate("studies/" + fixture.study().id() + "/setup");
        assertThat(paragraph("setup-refused")).contains("Only a facilitator of this study");
        _assertNone(TabSheet.class);
    }

    @Test
    void the_details_are_saved() {
        Fixture fixture = data.aDraftStudy(1, 1);
        openSetup(fixture, StudySetupView.DETAILS);
        _get(TextArea.class, spec -> spec.withId("details-question")).setValue("How mature, really?");
        _click(button("details-save"));
        assertThat(studies.study(fixture.study().id()).question()).isEqualTo("How mature, really?");
    }

    @Test
    void a_consensus_rule_the_statistics_cannot_parse_is_marked_with_its_error_and_not_saved() {
        Fixture fixture = data.aDraftStudy(1, 1);
        openSetup(fixture, StudySetupView.RULES);
        TextField consensus = _get(TextField.class, spec -> spec.withId("rules-consensus"));
        consensus.setValue("iqr<=");
        _click(button("rules-save"));
        assertThat(consensus.isInvalid()).isTrue();
        assertThat(consensus.getErrorMessage()).isNotBlank();
        assertThat(paragraph("rules-error")).contains("not saved");
        assertThat(studies.study(fixture.study().id()).rules()).isEqualTo(StudyRules.defaults());

        consensus.setValue("iqr<=0.5");
        _get(IntegerField.class, spec -> spec.withId("rules-max-rounds")).setValue(5);
        _click(button("rules-save"));
        StudyRules saved = studies.study(fixture.study().id()).rules();
        assertThat(saved.consensusRule()).isEqualTo("iqr<=0.5");
        assertThat(saved.maxRounds()).isEqualTo(5);
    }

    @Test
    void once_round_one_is_open_the_rules_are_shown_read_only() {
        Fixture fixture = data.anOpenRound(1, 1);
        openSetup(fixture, StudySetupView.RULES);
        assertThat(paragraph("rules-frozen")).contains("fixed since round 1 opened");
        _assertNone(Button.class, spec -> spec.withId("rules-save"));
        _assertNone(TextField.class, spec -> spec.withId("rules-consensus"));
    }

    @Test
    void a_facilitator_adds_a_target_and_its_evidence_through_dialogs() {
        Fixture fixture = data.aDraftStudy(1, 0);
        openSetup(fixture, StudySetupView.TARGETS);
        String name = "Dialog Lab " + StudyTestData.uniqueTag();
        _click(button("target-add"));
        _get(TextField.class, spec -> spec.withId("target-name")).setValue(name);
        _get(TextField.class, spec -> spec.withId("target-website")).setValue("https://lab.example.org");
        _click(button("target-save"));
        Grid<Target> targets = grid("targets-grid");
        assertThat(rows(targets)).singleElement().satisfies(row -> assertThat(row)
                .startsWith(name, "https://lab.example.org", "0"));

        targets.select(GridKt._get(targets, 0));
        _click(button("evidence-add"));
        _get(TextField.class, spec -> spec.withId("evidence-title")).setValue("Safety framework");
        _get(TextField.class, spec -> spec.withId("evidence-url")).setValue("javascript:alert(1)");
        _click(button("evidence-save"));
        assertThat(paragraph("evidence-error")).contains("must start with http:// or https://");
        _get(TextField.class, spec -> spec.withId("evidence-url")).setValue("https://lab.example.org/framework");
        _click(button("evidence-save"));

        Grid<EvidenceItem> evidence = grid("evidence-grid");
        assertThat(rows(evidence)).singleElement().satisfies(row -> assertThat(row)
                .startsWith("Safety framework", "https://lab.example.org/framework", "—"));
        Target stored = studies.targets(fixture.study().id()).get(0);
        assertThat(studies.evidence(stored.id())).extracting(EvidenceItem::title).containsExactly("Safety framework");
    }

    @Test
    void a_bad_csv_imports_nothing_and_lists_every_problem_by_line_and_column() {
        Fixture fixture = data.aDraftStudy(1, 0);
        openSetup(fixture, StudySetupView.TARGETS);
        _get(TextArea.class, spec -> spec.withId("targets-csv")).setValue(
                "name,website,evidence_date\nGood,https://good.example.org,\n,,\nBad,ftp://x,2026-13-01\n");
        _click(button("targets-import"));
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList()).containsExactly(
                "line 3, column name: a target's name is required",
                "line 4, column website: the website must start with http:// or https://, was ftp://x",
                "line 4, column evidence_title: an evidence item needs a title when any other evidence column is"
                        + " filled in",
                "line 4, column evidence_date: \"2026-13-01\" is not a date in the form YYYY-MM-DD");
        assertThat(studies.targets(fixture.study().id())).isEmpty();
    }

    @Test
    void an_uploaded_csv_file_imports_targets_with_evidence() {
        Fixture fixture = data.aDraftStudy(1, 0);
        openSetup(fixture, StudySetupView.TARGETS);
        String tag = StudyTestData.uniqueTag();
        String csv = "name,evidence_title,evidence_url\nUp " + tag + ",Policy,https://up.example.org/policy\n"
                + "Down " + tag + ",,\n";
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("targets-upload")), "targets.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(studies.targets(fixture.study().id())).extracting(Target::name)
                .containsExactly("Up " + tag, "Down " + tag);
        assertThat(rows(grid("targets-grid"))).hasSize(2);
    }

    @Test
    void an_invitation_link_is_shown_and_an_existing_account_or_second_facilitator_is_added() {
        Fixture fixture = data.aDraftStudy(1, 1);
        openSetup(fixture, StudySetupView.PANEL);
        String invited = "panel-" + StudyTestData.uniqueTag() + "@example.org";
        _get(EmailField.class, spec -> spec.withId("invite-email")).setValue(invited);
        _click(button("invite-create"));
        assertThat(_get(TextField.class, spec -> spec.withId("invitation-link")).getValue())
                .matches("http://localhost:8080/invitation/[A-Za-z0-9_-]{43}");
        assertThat(rows(grid("invitations-grid"))).singleElement()
                .satisfies(row -> assertThat(row.get(0)).isEqualTo(invited));

        AppUser expert = data.aUser(Role.EXPERT, "existing");
        AppUser facilitator = data.aUser(Role.FACILITATOR, "cofacilitator");
        EmailField existing = _get(EmailField.class, spec -> spec.withId("existing-email"));
        existing.setValue(expert.email());
        _click(button("existing-add-expert"));
        existing.setValue(facilitator.email());
        _click(button("existing-add-facilitator"));
        existing.setValue(expert.email());
        _click(button("existing-add-expert"));
        assertThat(paragraph("existing-error")).contains("already on the panel as Expert 2");

        Grid<PanelMember> panel = grid("panel-grid");
        assertThat(rows(panel)).extracting(row -> row.get(0) + " " + row.get(2) + " " + row.get(3))
                .contains("Expert 2 " + expert.email() + " Expert",
                        "Facilitator 2 " + facilitator.email() + " Facilitator");
    }

    @Test
    void after_an_invitation_the_emptied_address_field_is_ready_for_the_next_and_not_marked_as_an_error() {
        Fixture fixture = data.aDraftStudy(1, 1);
        openSetup(fixture, StudySetupView.PANEL);
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        email.setValue("next-" + StudyTestData.uniqueTag() + "@example.org");
        _click(button("invite-create"));
        assertThat(_get(TextField.class, spec -> spec.withId("invitation-link")).getValue()).contains("/invitation/");
        assertThat(email.getValue()).isEmpty();
        assertThat(email.isInvalid()).isFalse();
    }

    @Test
    void a_facilitator_opens_round_one_with_a_deadline_sees_progress_and_closes_it_after_confirming() {
        Fixture fixture = data.aDraftStudy(2, 1);
        openSetup(fixture, StudySetupView.ROUNDS);
        LocalDateTime deadline = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).withSecond(0).withNano(0);
        _get(DateTimePicker.class, spec -> spec.withId("round-deadline")).setValue(deadline);
        _click(button("round-open"));

        Round open = studies.currentRound(fixture.study().id()).orElseThrow();
        assertThat(open.state()).isEqualTo(RoundState.OPEN);
        assertThat(open.closesAt()).isEqualTo(deadline.toInstant(ZoneOffset.UTC));
        assertThat(paragraph("setup-state")).isEqualTo("Running · Round 1, open");
        int cells = fixture.framework().criteria().size();
        assertThat(rows(grid("progress-grid"))).extracting(row -> String.join(" | ", row)).containsExactly(
                "Expert 1 | " + studies.panelMembers(fixture.facilitatorId(), fixture.study().id()).stream()
                        .filter(m -> m.panelist().pseudonym().equals("Expert 1")).findFirst().orElseThrow()
                        .displayName() + " | Rated 0 of " + cells + " | Not submitted",
                "Expert 2 | " + studies.panelMembers(fixture.facilitatorId(), fixture.study().id()).stream()
                        .filter(m -> m.panelist().pseudonym().equals("Expert 2")).findFirst().orElseThrow()
                        .displayName() + " | Rated 0 of " + cells + " | Not submitted");

        _click(button("round-close"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("close-confirm"));
        assertThat(studies.round(open.id()).isOpen()).isTrue();
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(studies.round(open.id()).isClosed()).isTrue();
        assertThat(paragraph("setup-state")).isEqualTo("Running · Round 1, closed");
        assertThat(button("round-open").getText()).isEqualTo("Open round 2");
    }
}
