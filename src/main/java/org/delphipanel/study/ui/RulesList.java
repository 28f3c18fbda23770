package org.delphipanel.study.ui;

import com.vaadin.flow.component.html.DescriptionList;
import org.delphipanel.study.StudyRules;

/** A study's rules as a description list, which screen readers announce as term and meaning pairs. */
final class RulesList extends DescriptionList {

    RulesList(StudyRules rules) {
        addClassName("dp-rules");
        setId("rules-list");
        for (Texts.Rule rule : Texts.rules(rules)) {
            add(new Term(rule.term()), new Description(rule.meaning()));
        }
    }
}
