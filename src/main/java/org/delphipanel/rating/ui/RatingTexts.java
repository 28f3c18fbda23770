package org.delphipanel.rating.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import org.delphipanel.base.ui.Times;
import org.delphipanel.rating.CellStatus;
import org.jspecify.annotations.Nullable;

/** Words, numbers and status badges shared by the rating views. */
final class RatingTexts {

    private RatingTexts() {
    }

    static String grade(BigDecimal grade) {
        return grade.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String number(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String deadline(@Nullable Instant deadline) {
        return deadline == null ? "no deadline set" : "closes " + Times.dateTime(deadline);
    }

    /** The status in words with an icon beside it; the icon is decoration, the words carry the meaning. */
    static Component badge(CellStatus status, @Nullable String extra) {
        Icon icon = switch (status) {
            case RATED -> VaadinIcon.CHECK_CIRCLE.create();
            case NEEDS_RATIONALE -> VaadinIcon.EXCLAMATION_CIRCLE.create();
            case NOT_RATED -> VaadinIcon.CIRCLE_THIN.create();
            case SETTLED -> VaadinIcon.LOCK.create();
        };
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.setSize("1em");
        var text = new Span(status.label() + (extra == null ? "" : " " + extra));
        var badge = new Span(icon, text);
        badge.addClassName("dp-status");
        badge.addClassName("dp-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        badge.getStyle().set("display", "inline-flex").set("gap", "0.3em").set("align-items", "center");
        return badge;
    }
}
