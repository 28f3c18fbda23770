package org.delphipanel.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.delphipanel.study.Target;
import org.delphipanel.study.TargetDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** Adds a target to the study, or edits one. */
class TargetDialog extends Dialog {

    private final transient SetupContext setup;
    private final @Nullable Target target;
    private final transient Runnable saved;
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextField website = new TextField("Website");
    private final Paragraph error = Feedback.alertLine("target-error");

    TargetDialog(SetupContext setup, @Nullable Target target, Runnable saved) {
        this.setup = setup;
        this.target = target;
        this.saved = saved;
        setId("target-dialog");
        setHeaderTitle(target == null ? "Add target" : "Edit " + target.name());
        name.setId("target-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        description.setId("target-description");
        website.setId("target-website");
        website.setHelperText("Starts with https:// or http://");
        if (target != null) {
            name.setValue(target.name());
            description.setValue(target.description() == null ? "" : target.description());
            website.setValue(target.website() == null ? "" : target.website());
        }
        var form = new FormLayout(name, description, website);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        var save = new Button(target == null ? "Add target" : "Save", event -> save());
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", event -> close());
        getFooter().add(cancel, save);
        setWidth("min(36em, 95vw)");
    }

    private void save() {
        error.setText("");
        try {
            var details = new TargetDetails(name.getValue(), description.getValue(), website.getValue());
            if (target == null) {
                setup.studies().addTarget(setup.userId(), setup.studyId(), details);
            } else {
                setup.studies().updateTarget(setup.userId(), setup.studyId(), target.id(), details);
            }
            close();
            saved.run();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }
}
