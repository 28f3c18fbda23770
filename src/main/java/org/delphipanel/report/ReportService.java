package org.delphipanel.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.delphipanel.export.ExportService;
import org.delphipanel.export.ExportedStudy;
import org.delphipanel.framework.Band;
import org.delphipanel.rating.Rating;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.ConvergenceService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.study.PanelistId;
import org.delphipanel.study.StudyId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Builds a study's report as a standalone HTML file and as a PDF. Who may have it, and which rounds and
 * results it holds, is decided by {@link ExportService#exportedStudy} (facilitators and administrators at
 * any time; experts once results are published, up to the published round): the report never applies a
 * rule of its own. Reads only.
 */
@Service
public class ReportService {

    private final ExportService exports;
    private final AgreementService agreement;
    private final ConvergenceService convergence;
    private volatile @Nullable Methods methods;

    ReportService(ExportService exports, AgreementService agreement, ConvergenceService convergence) {
        this.exports = exports;
        this.agreement = agreement;
        this.convergence = convergence;
    }

    /** The report as one UTF-8 XHTML file with inline CSS and images: no external requests, prints well. */
    public String html(StudyId studyId) {
        return ReportHtml.render(report(studyId));
    }

    /** The same report as a PDF. */
    public byte[] pdf(StudyId studyId) {
        return ReportPdf.render(html(studyId));
    }

    public static String fileName(StudyId studyId, String extension) {
        return "study-" + studyId.value() + "-report." + extension;
    }

    StudyReport report(StudyId studyId) {
        ExportedStudy exported = exports.exportedStudy(studyId);
        int cells = exported.targets().size() * exported.framework().criteria().size();
        List<StudyReport.RoundResponse> responses = new ArrayList<>();
        List<AgreementReport> agreements = new ArrayList<>();
        for (RatingService.ClosedRound round : exported.closedRounds()) {
            Set<PanelistId> responding = new HashSet<>();
            round.ratings().stream().map(Rating::panelistId).forEach(responding::add);
            responses.add(new StudyReport.RoundResponse(round.round().number(), responding.size(),
                    exported.experts().size(), round.ratings().size(), cells));
            agreements.add(agreement.closedRoundAgreement(studyId, round, AgreementScope.allCells()));
        }
        return new StudyReport(exported, responses, agreements,
                convergence.closedRoundsConvergence(studyId, exported.closedRounds()), methods(),
                forestPlot(exported));
    }

    private Methods methods() {
        Methods loaded = methods;
        if (loaded == null) {
            loaded = Methods.load();
            methods = loaded;
        }
        return loaded;
    }

    private static byte @Nullable [] forestPlot(ExportedStudy exported) {
        StudyResults results = exported.results();
        if (results == null || results.targets().isEmpty()) {
            return null;
        }
        List<ForestPlot.Row> rows = results.targets().stream().map(t -> new ForestPlot.Row(t.target(),
                t.overall().score(), t.overall().lower(), t.overall().upper())).toList();
        List<ForestPlot.BandZone> bands = new ArrayList<>();
        for (Band band : exported.framework().bands()) {
            bands.add(new ForestPlot.BandZone(band.label(), band.lower().doubleValue(), band.upper().doubleValue()));
        }
        var definition = exported.framework().definition();
        return ForestPlot.png(rows, bands, definition.scoreMin(), definition.scoreMax(),
                ReportHtml.percent(results.content().level()));
    }
}
