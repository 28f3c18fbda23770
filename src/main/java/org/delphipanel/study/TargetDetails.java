package org.delphipanel.study;

import org.jspecify.annotations.Nullable;

/** An organisation to rate, as a facilitator enters it; the website must be an http(s) address. */
public record TargetDetails(String name, @Nullable String description, @Nullable String website) {

    public TargetDetails {
        name = Inputs.required(name, "a target's name", 200);
        description = Inputs.optional(description, "a target's description", Inputs.MAX_TEXT);
        website = Inputs.webAddress(website, "the website");
    }
}
