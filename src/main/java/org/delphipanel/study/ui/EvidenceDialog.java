package org.delphipanel.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.delphipanel.study.EvidenceDetails;
import org.delphipanel.study.EvidenceItem;
import org.delphipanel.study.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** Adds an evidence item to a target, or edits one. */
class EvidenceDialog extends Dialog {

    private final transient SetupContext setup;
    private final Target target;
    private final @Nullable EvidenceItem item;
    private final transient Runnable saved;
    private final TextField title = new TextField("Title");
    private final TextField url = new TextField("URL");
    private final TextArea excerpt = new TextArea("Excerpt");
    private final DatePicker date = new DatePicker("Date");
    private final Paragraph error = Feedback.alertLine("evidence-error");

    EvidenceDialog(SetupContext setup, Target target, @Nullable EvidenceItem item, Runnable saved) {
        this.setup = setup;
        this.target = target;
        this.item = item;
        this.saved = saved;
        setId("evidence-dialog");
        setHeaderTitle(item == null ? "Add evidence for " + target.name() : "Edit " + item.title());
        title.setId("evidence-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(500);
        url.setId("evidence-url");
        url.setHelperText("Starts with https:// or http://");
        excerpt.setId("evidence-excerpt");
        excerpt.setHelperText("The passage experts should read");
        date.setId("evidence-date");
        date.setHelperText("When the document was published");
        if (item != null) {
            title.setValue(item.title());
            url.setValue(item.url() == null ? "" : item.url());
            excerpt.setValue(item.excerpt() == null ? "" : item.excerpt());
            date.setValue(item.publishedOn());
        }
        var form = new FormLayout(title, url, excerpt, date);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        var save = new Button(item == null ? "Add evidence" : "Save", event -> save());
        save.setId("evidence-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", event -> close());
        getFooter().add(cancel, save);
        setWidth("min(40em, 95vw)");
    }

    private void save() {
        error.setText("");
        try {
            var details = new EvidenceDetails(title.getValue(), url.getValue(), excerpt.getValue(), date.getValue());
            if (item == null) {
                setup.studies().addEvidence(setup.userId(), setup.studyId(), target.id(), details);
            } else {
                setup.studies().updateEvidence(setup.userId(), setup.studyId(), item.id(), details);
            }
            close();
            saved.run();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }
}
