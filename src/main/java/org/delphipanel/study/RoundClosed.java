package org.delphipanel.study;

/**
 * A round has just closed. Published synchronously inside the closing transaction, so the snapshot
 * of the round's statistics is stored together with the close, or neither is.
 */
public record RoundClosed(Round round) {
}
