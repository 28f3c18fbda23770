package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.delphipanel.base.ui.RouteIds;

/** Links between a study's review, convergence, agreement, results and export pages. */
final class ScoringNav {

    private ScoringNav() {
    }

    static Nav of(long studyId, boolean facilitator) {
        var nav = new Nav();
        nav.addClassName("dp-scoring-nav");
        nav.getElement().setAttribute("aria-label", "Study statistics");
        // styles.css is shared; the few rules these pages need are set here
        nav.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        var parameters = new RouteParameters("studyId", String.valueOf(studyId));
        if (facilitator) {
            nav.add(new RouterLink("Review", ReviewView.class, parameters),
                    new RouterLink("Convergence", ConvergenceView.class, parameters),
                    new RouterLink("Agreement", AgreementView.class, parameters));
        }
        nav.add(new RouterLink("Results", ResultsView.class, parameters));
        // the export feature reads scoring, so its page is linked by path, not by class
        nav.add(new Anchor("studies/" + studyId + "/export", "Export"));
        return nav;
    }

    /** The study id in a route, or -1 when it is missing, not a number or not positive. */
    static long studyId(com.vaadin.flow.router.BeforeEnterEvent event) {
        return RouteIds.positive(event.getRouteParameters(), "studyId").orElse(-1L);
    }
}
