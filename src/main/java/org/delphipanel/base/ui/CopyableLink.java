package org.delphipanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A link shown once for a person to pass on (an invitation): a read-only field that can be selected by
 * hand, and a button that copies it to the clipboard, with a fallback message where the browser refuses.
 */
public class CopyableLink extends HorizontalLayout {

    /**
     * @param label the field's label, e.g. "Invitation link"
     * @param url the link
     * @param forWhom who the link is for, read out by screen readers on the copy button
     */
    public CopyableLink(String label, String url, String forWhom) {
        var field = new TextField(label);
        field.setId("invitation-link");
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        var copy = new Button("Copy link", event -> copy(url));
        copy.setId("invitation-copy");
        copy.setAriaLabel("Copy the invitation link for " + forWhom);
        add(field, copy);
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setFlexGrow(1, field);
    }

    private static void copy(String url) {
        UI.getCurrent().getPage().executeJs("return navigator.clipboard.writeText($0)", url).then(
                done -> Notification.show("Link copied."),
                failure -> Notification.show("This browser did not allow copying; select the link and copy it."));
    }
}
