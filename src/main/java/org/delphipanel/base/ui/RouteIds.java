package org.delphipanel.base.ui;

import com.vaadin.flow.router.RouteParameters;
import java.util.Optional;

/**
 * Reads an id from a route such as {@code studies/:studyId/setup}. Vaadin's
 * {@link RouteParameters#getLong} throws on text that is not a number (or does not fit a long), which
 * would show the internal-error page for a mistyped or tampered address; here that is simply no id.
 */
public final class RouteIds {

    private RouteIds() {
    }

    /** The parameter as a positive number, or empty when it is missing, not a number, or not positive. */
    public static Optional<Long> positive(RouteParameters parameters, String name) {
        try {
            return parameters.getLong(name).filter(id -> id > 0);
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
