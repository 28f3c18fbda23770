package org.delphipanel.cli;

import org.delphipanel.framework.Band;
import org.delphipanel.framework.FrameworkDefinition;
import org.delphipanel.framework.FrameworkNode;
import org.delphipanel.stats.ScoringTree;

/**
 * A rubric ({@link FrameworkDefinition}) as the statistics core's {@link ScoringTree}: same node codes in
 * the same order, leaves as criteria on their scales, the rubric's bands.
 *
 * <p>Weights: each child's weight is divided by the sum of its siblings' weights, which is 1 within
 * 1e-6 in a valid rubric. This is how {@link FrameworkDefinition#effectiveWeight} reads a rubric whose
 * file says 0.333333 three times, so a score rolled up by the tree equals the rubric's weighted sum and
 * a panel grading every criterion 3 gets exactly 3, not a hair below a band boundary.
 *
 * <p>Stateless; used by the command line and meant for the application's scoring service.
 */
public final class ScoringTrees {

    private ScoringTrees() {
    }

    /** The scoring tree of {@code framework}. */
    public static ScoringTree from(FrameworkDefinition framework) {
        ScoringTree.Builder builder = ScoringTree.builder();
        FrameworkNode root = framework.root();
        builder.root(root.code());
        addChildren(builder, root);
        for (Band band : framework.bands()) {
            builder.band(band.label(), band.lowerValue(), band.upperValue(), band.lowerInclusive());
        }
        return builder.build();
    }

    private static void addChildren(ScoringTree.Builder builder, FrameworkNode parent) {
        double sum = 0;
        for (FrameworkNode child : parent.children()) {
            sum += child.weight();
        }
        for (FrameworkNode child : parent.children()) {
            // a lone child of weight 1 next to a sum of 0.9999995 must not come out as 1.0000005
            double weight = Math.min(1, child.weight() / sum);
            if (child.isLeaf()) {
                builder.criterion(child.code(), parent.code(), weight, child.requireScale().toScale());
            } else {
                builder.node(child.code(), parent.code(), weight);
                addChildren(builder, child);
            }
        }
    }
}
