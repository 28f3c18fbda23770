package org.delphipanel.study;

/** What a successful target import stored. */
public record TargetImportResult(int targetsAdded, int evidenceAdded) {
}
