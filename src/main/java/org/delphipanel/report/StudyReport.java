package org.delphipanel.report;

import java.util.List;

import org.delphipanel.export.ExportedStudy;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.Convergence;
import org.jspecify.annotations.Nullable;

/**
 * Everything the study report shows, gathered under the exports' rules (only closed rounds the person
 * may export, only the results they may see).
 *
 * @param responses one per included closed round, in order
 * @param agreement the agreement over all cells, one per included closed round, in order
 * @param convergence over the included closed rounds
 * @param forestPlot the PNG of the overall scores, or null without results
 */
record StudyReport(ExportedStudy exported, List<RoundResponse> responses, List<AgreementReport> agreement,
        Convergence convergence, Methods methods, byte @Nullable [] forestPlot) {

    StudyReport {
        responses = List.copyOf(responses);
        agreement = List.copyOf(agreement);
    }

    /**
     * Who answered in a closed round.
     *
     * @param responding experts with at least one rating in the round
     * @param panel the study's experts
     * @param ratings ratings given
     * @param cells targets x criteria of the study
     */
    record RoundResponse(int round, int responding, int panel, int ratings, int cells) {

        double responseRate() {
            return panel == 0 ? 0 : (double) responding / panel;
        }

        /** Ratings given over ratings possible (every expert on every cell). */
        double completeness() {
            return panel == 0 || cells == 0 ? 0 : (double) ratings / ((double) panel * cells);
        }
    }
}
