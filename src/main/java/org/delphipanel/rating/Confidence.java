package org.delphipanel.rating;

/** How sure an expert says they are of a rating. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
