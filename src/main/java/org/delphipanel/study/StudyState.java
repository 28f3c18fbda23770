package org.delphipanel.study;

/** Where a study stands: being set up, running rounds, finished (no more rounds), results published. */
public enum StudyState {
    DRAFT, RUNNING, FINISHED, PUBLISHED
}
