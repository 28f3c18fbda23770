package org.delphipanel.study;

/** When an expert must write a rationale for a rating. */
public enum RationalePolicy {
    /** For every rating. */
    ALWAYS,
    /** When the rating deviates from the previous round's median by more than 1 (from round 2). */
    WHEN_DEVIATING,
    /** Never required (always allowed). */
    NEVER
}
