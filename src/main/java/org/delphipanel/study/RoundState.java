package org.delphipanel.study;

/** A round is prepared (draft), open for rating, then closed for good. */
public enum RoundState {
    DRAFT, OPEN, CLOSED
}
