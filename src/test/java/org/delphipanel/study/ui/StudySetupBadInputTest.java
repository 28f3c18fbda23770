package org.delphipanel.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
import java.util.stream.IntStream;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.base.ui.KaribuTest;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.delphipanel.study.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Malformed values typed into every form of a study's setup and the new-study form: each gets a
 * specific message where the person typed it, and the study is unchanged. Values are set on the
 * server side, as a tampered browser could send them, past the fields' client-side limits.
 */
class StudySetupBadInputTest extends KaribuTest {

    private static final String LONG = "LONG";

    @Autowired
    StudyTestData data;

    @Autowired
    StudyService studies;

    /** {@code LONG300} stands for 301 characters (one over a limit of 300), so the sources stay readable. */
    private static String value(String spec) {
        if (spec == null) {
            return "";
        }
        if (spec.startsWith(LONG)) {
            return "x".repeat(Integer.parseInt(spec.substring(LONG.length())) + 1);
        }
        return spec;
    }

    private void openSetup(Fixture fixture, String tab) {
        login(data.email(fixture.facilitatorId()), "FACILITATOR");
        UI.getCurrent().navigate("studies/" + fixture.study().id() + "/setup");
        NavigatorKt.expectView(StudySetupView.class);
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("setup-tabs"));
        tabs.setSelectedIndex(IntStream.range(0, tabs.getTabCount()).filter(i -> tabs.getTabAt(i).getLabel().equals(tab))
                .findFirst().orElseThrow());
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static TextArea textArea(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static String paragraph(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @ParameterizedTest(name = "name [{0}] description [{1}] question [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~        | ok      | ok      | a study's name is required
            ~   \t ~  | ok      | ok      | a study's name is required
            LONG300   | ok      | ok      | a study's name is longer than 300 characters
            Fine name | LONG20000 | ok    | a study's description is longer than 20000 characters
            Fine name | ok      | LONG20000 | the question is longer than 20000 characters
            """)
    void bad_details_are_refused_with_a_specific_message_and_not_saved(String name, String description,
            String question, String message) {
        Fixture fixture = data.aDraftStudy(1, 1);
        Study before = studies.study(fixture.study().id());
        openSetup(fixture, StudySetupView.DETAILS);
        textField("details-name").setValue(value(name));
        textArea("details-description").setValue(value(description));
        textArea("details-question").setValue(value(question));
        click("details-save");
        assertThat(paragraph("details-error")).contains(message);
        assertThat(studies.study(fixture.study().id())).isEqualTo(before);
    }

    @ParameterizedTest(name = "name [{0}] website [{1}] description [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~        | ~~                   | ~~        | a target's name is required
            ~  \t  ~  | ~~                   | ~~        | a target's name is required
            LONG200   | ~~                   | ~~        | a target's name is longer than 200 characters
            Lab       | javascript:alert(1)  | ~~        | the website must start with http:// or https://
            Lab       | www.example.org      | ~~        | the website must start with http:// or https://
            Lab       | https://exa mple.org | ~~        | the website is not a valid web address
            Lab       | ~~                   | LONG20000 | a target's description is longer than 20000 characters
            """)
    void a_bad_target_is_refused_in_its_dialog_and_nothing_is_added(String name, String website, String description,
            String message) {
        Fixture fixture = data.aDraftStudy(1, 0);
        openSetup(fixture, StudySetupView.TARGETS);
        click("target-add");
        textField("target-name").setValue(value(name));
        textField("target-website").setValue(value(website));
        textArea("target-description").setValue(value(description));
        click("target-save");
        assertThat(paragraph("target-error")).contains(message);
        assertThat(studies.targets(fixture.study().id())).isEmpty();
    }

    @ParameterizedTest(name = "title [{0}] url [{1}] excerpt [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~       | ~~                     | ~~        | an evidence item's title is required
            ~   ~    | ~~                     | ~~        | an evidence item's title is required
            LONG500  | ~~                     | ~~        | an evidence item's title is longer than 500 characters
            Policy   | file:///etc/passwd     | ~~        | the evidence URL must start with http:// or https://
            Policy   | data:text/html,hi      | ~~        | the evidence URL must start with http:// or https://
            Policy   | ~~                     | LONG20000 | an evidence excerpt is longer than 20000 characters
            """)
    void bad_evidence_is_refused_in_its_dialog_and_nothing_is_added(String title, String url, String excerpt,
            String message) {
        Fixture fixture = data.aDraftStudy(1, 1);
        Target target = fixture.targets().getFirst();
        openSetup(fixture, StudySetupView.TARGETS);
        @SuppressWarnings("unchecked")
        Grid<Target> targets = _get(Grid.class, spec -> spec.withId("targets-grid"));
        targets.select(GridKt._get(targets, 0));
        click("evidence-add");
        textField("evidence-title").setValue(value(title));
        textField("evidence-url").setValue(value(url));
        textArea("evidence-excerpt").setValue(value(excerpt));
        click("evidence-save");
        assertThat(paragraph("evidence-error")).contains(message);
        assertThat(studies.evidence(target.id())).isEmpty();
    }

    @ParameterizedTest(name = "consensus [{0}] stopping [{1}] rounds [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            iqr<=abc          | ~~    | 3    | rules-consensus
            ~~                | ~~    | 3    | rules-consensus
            ~'; drop table~   | ~~    | 3    | rules-consensus
            iqr<=1            | maybe | 3    | rules-stopping
            iqr<=1            | ~~    | 0    | rules-max-rounds
            iqr<=1            | ~~    | 21   | rules-max-rounds
            iqr<=1            | ~~    | -5   | rules-max-rounds
            iqr<=1            | ~~    | ~~   | rules-max-rounds
            """)
    void bad_rules_mark_the_field_and_are_not_saved(String consensus, String stopping, String rounds,
            String invalidField) {
        Fixture fixture = data.aDraftStudy(1, 1);
        Study before = studies.study(fixture.study().id());
        openSetup(fixture, StudySetupView.RULES);
        textField("rules-consensus").setValue(value(consensus));
        if (stopping != null) {
            textField("rules-stopping").setValue(stopping);
        }
        _get(IntegerField.class, spec -> spec.withId("rules-max-rounds"))
                .setValue(rounds == null || rounds.isEmpty() ? null : Integer.valueOf(rounds));
        click("rules-save");
        assertThat(paragraph("rules-error")).contains("not saved");
        var field = invalidField.equals("rules-max-rounds")
                ? _get(IntegerField.class, spec -> spec.withId(invalidField))
                : textField(invalidField);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isNotBlank();
        assertThat(studies.study(fixture.study().id()).rules()).isEqualTo(before.rules());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            not-an-address
            ~   ~
            ~~
            two@at@example.org
            ~<script>@example.org~
            LONG320
            """)
    void a_bad_invitation_address_is_marked_and_nobody_is_invited(String address) {
        Fixture fixture = data.aDraftStudy(1, 1);
        int pending = studies.pendingInvitations(fixture.facilitatorId(), fixture.study().id()).size();
        openSetup(fixture, StudySetupView.PANEL);
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        // LONG320: a local part alone longer than a whole address may be
        email.setValue(address != null && address.startsWith(LONG) ? value(address) + "@example.org" : value(address));
        click("invite-create");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isNotBlank();
        assertThat(studies.pendingInvitations(fixture.facilitatorId(), fixture.study().id())).hasSize(pending);
    }

    @Test
    void an_uploaded_latin1_file_is_refused_with_its_line_and_nothing_is_imported() {
        Fixture fixture = data.aDraftStudy(1, 0);
        openSetup(fixture, StudySetupView.TARGETS);
        byte[] latin1 = "name,description\nMüller Labs,Größe\n".getBytes(StandardCharsets.ISO_8859_1);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("targets-upload")), "targets.csv", "text/csv", latin1);
        assertThat(_find(ListItem.class).stream().map(ListItem::getText).toList()).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("line 2: the file is not UTF-8 text"));
        assertThat(studies.targets(fixture.study().id())).isEmpty();
    }

    @ParameterizedTest(name = "name [{0}] question [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ~~       | ok         | a study's name is required
            ~ \t ~   | ok         | a study's name is required
            LONG300  | ok         | a study's name is longer than 300 characters
            Fine     | LONG20000  | the question is longer than 20000 characters
            """)
    void a_bad_new_study_is_refused_with_a_specific_message_and_not_created(String name, String question,
            String message) {
        AppUser facilitator = data.aUser(Role.FACILITATOR, "bad-input");
        login(facilitator.email(), "FACILITATOR");
        UI.getCurrent().navigate("studies");
        textField("new-study-name").setValue(value(name));
        textArea("new-study-question").setValue(value(question));
        click("new-study-create");
        assertThat(paragraph("new-study-error")).contains(message);
        assertThat(studies.overviewsFor(facilitator.id().value())).isEmpty();
    }
}
