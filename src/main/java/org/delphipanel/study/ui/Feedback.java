package org.delphipanel.study.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;

/** Messages after an action: a status line screen readers announce, and a short notification. */
final class Feedback {

    private Feedback() {
    }

    static Paragraph alertLine(String id) {
        var line = new Paragraph();
        line.setId(id);
        line.addClassName("dp-error");
        line.getElement().setAttribute("role", "alert");
        return line;
    }

    static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START);
    }
}
