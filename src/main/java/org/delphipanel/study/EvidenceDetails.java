package org.delphipanel.study;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A public document about a target, as a facilitator enters it; the URL must be an http(s) address. */
public record EvidenceDetails(String title, @Nullable String url, @Nullable String excerpt,
        @Nullable LocalDate publishedOn) {

    public EvidenceDetails {
        title = Inputs.required(title, "an evidence item's title", 500);
        url = Inputs.webAddress(url, "the evidence URL");
        excerpt = Inputs.optional(excerpt, "an evidence excerpt", Inputs.MAX_TEXT);
    }
}
