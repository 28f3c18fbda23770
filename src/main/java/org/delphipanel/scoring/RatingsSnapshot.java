package org.delphipanel.scoring;

import java.util.List;
import org.delphipanel.stats.PanelRatings;
import org.delphipanel.stats.ScoringTree;
import org.jspecify.annotations.Nullable;

/**
 * The frozen copy of a round's ratings that results are computed from, stored beside them as JSON.
 * Targets are keyed by name and experts by pseudonym, in the study's order.
 */
record RatingsSnapshot(List<TargetRef> targets, List<String> experts, List<Entry> ratings) {

    RatingsSnapshot {
        targets = List.copyOf(targets);
        experts = List.copyOf(experts);
        ratings = List.copyOf(ratings);
    }

    record TargetRef(long id, String name) {
    }

    /** One rating: target name, criterion code, expert pseudonym, grade, stated confidence (LOW/MEDIUM/HIGH) or null. */
    record Entry(String target, String criterion, String expert, double grade, @Nullable String confidence) {
    }

    /** The statistics core's view of the snapshot; every target and expert is declared, rated or not. */
    PanelRatings toPanel(ScoringTree tree) {
        PanelRatings.Builder builder = PanelRatings.builder(tree);
        targets.forEach(t -> builder.target(t.name()));
        experts.forEach(builder::expert);
        for (Entry entry : ratings) {
            if (entry.confidence() == null) {
                builder.add(entry.target(), entry.criterion(), entry.expert(), entry.grade());
            } else {
                builder.add(entry.target(), entry.criterion(), entry.expert(), entry.grade(),
                        PanelRatings.Confidence.valueOf(entry.confidence()));
            }
        }
        return builder.build();
    }

    int expertsWhoRated(String target) {
        return (int) ratings.stream().filter(r -> r.target().equals(target)).map(Entry::expert).distinct().count();
    }
}
