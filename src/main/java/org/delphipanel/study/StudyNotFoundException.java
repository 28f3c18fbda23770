package org.delphipanel.study;

/** A study, round or panelist id that does not exist (or is not visible to the caller). */
public class StudyNotFoundException extends RuntimeException {
    public StudyNotFoundException(String message) {
        super(message);
    }
}
