package org.delphipanel.study;

import org.jspecify.annotations.Nullable;

/**
 * What a study is called and asks, as a facilitator enters it.
 *
 * @param question the question experts answer for every cell, e.g. "How mature is ... on this criterion?"
 */
public record StudyDetails(String name, @Nullable String description, @Nullable String question) {

    public StudyDetails {
        name = Inputs.required(name, "a study's name", 300);
        description = Inputs.optional(description, "a study's description", Inputs.MAX_TEXT);
        question = Inputs.optional(question, "the question", Inputs.MAX_TEXT);
    }
}
