package org.delphipanel.export;

import java.util.List;

/**
 * The outcome of a ratings import that was stored: how many ratings, into which round.
 */
public record RatingsImport(int ratings, int roundNumber) {
}
