package org.delphipanel.study;

/**
 * A round has just opened. Published synchronously inside the opening transaction, so a listener's
 * work (e.g. prefilling experts' own previous ratings) commits or rolls back with the opening.
 */
public record RoundOpened(Round round) {
}
