package org.delphipanel.study.ui;

import org.delphipanel.framework.FrameworkService;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyId;
import org.delphipanel.study.StudyService;

/**
 * What every section of the setup view needs: the services, who is acting, which study, and how to
 * show the whole page again after a change of state.
 */
record SetupContext(StudyService studies, FrameworkService frameworks, long userId, StudyId studyId,
        Runnable refresh) {

    Study study() {
        return studies.study(studyId);
    }
}
