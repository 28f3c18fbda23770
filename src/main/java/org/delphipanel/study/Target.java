package org.delphipanel.study;

import org.jspecify.annotations.Nullable;

/** An organisation a study rates. */
public record Target(TargetId id, String name, @Nullable String description, @Nullable String website) {
}
