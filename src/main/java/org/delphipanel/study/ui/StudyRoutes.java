package org.delphipanel.study.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;
import org.delphipanel.base.ui.RouteIds;
import org.delphipanel.study.StudyId;

/** Reads the study id of routes like {@code studies/:studyId/setup}. */
final class StudyRoutes {

    private StudyRoutes() {
    }

    static Optional<StudyId> studyId(BeforeEnterEvent event) {
        return RouteIds.positive(event.getRouteParameters(), "studyId").map(StudyId::new);
    }
}
