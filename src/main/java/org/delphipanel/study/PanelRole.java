package org.delphipanel.study;

/** A person's part in one study. */
public enum PanelRole {
    FACILITATOR, EXPERT
}
