package org.delphipanel.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyState;
import org.springframework.security.access.AccessDeniedException;

/** The study's name, description and question. */
class DetailsSection extends VerticalLayout {

    private final transient SetupContext setup;
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextArea question = new TextArea("Question the experts answer");
    private final Paragraph error = Feedback.alertLine("details-error");

    DetailsSection(SetupContext setup) {
        this.setup = setup;
        setPadding(false);
        Study study = setup.study();
        String rubric = setup.frameworks().find(study.frameworkId())
                .map(f -> f.name() + " (" + f.code() + " v" + f.version() + ", " + f.criteria().size() + " criteria)")
                .orElse("unknown rubric");
        var framework = new Paragraph("Rubric: " + rubric + ". The rubric version is fixed when the study is created.");
        framework.setId("details-framework");
        name.setId("details-name");
        name.setValue(study.name());
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(300);
        description.setId("details-description");
        description.setValue(study.description() == null ? "" : study.description());
        question.setId("details-question");
        question.setValue(study.question() == null ? "" : study.question());
        boolean finished = study.state() == StudyState.FINISHED || study.state() == StudyState.PUBLISHED;
        if (study.state() != StudyState.DRAFT) {
            question.setReadOnly(true);
            question.setHelperText("Fixed since round 1 opened: the experts have answered it.");
        }
        name.setReadOnly(finished);
        description.setReadOnly(finished);
        var save = new Button("Save details", event -> save());
        save.setId("details-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(!finished);
        var form = new FormLayout(name, description, question);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        add(framework, form, error, save);
    }

    private void save() {
        error.setText("");
        try {
            setup.studies().updateDetails(setup.userId(), setup.studyId(),
                    new StudyDetails(name.getValue(), description.getValue(), question.getValue()));
            Feedback.done("Details saved.");
            setup.refresh().run();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }
}
