package org.delphipanel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.delphipanel.export.ExportService;
import org.delphipanel.framework.Criterion;
import org.delphipanel.rating.Confidence;
import org.delphipanel.rating.RatingChange;
import org.delphipanel.rating.RatingService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.Convergence;
import org.delphipanel.scoring.ConvergenceService;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.study.Round;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.StudyDetails;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.StudyTestData;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The study report on demo-like data (six experts, three targets, every criterion, two closed rounds in
 * which the panel moves towards the median, as the demo seeder does): the PDF's text has every section
 * with the app's own numbers, experts are refused before publication, and typed text is escaped.
 */
@SpringBootTest
class ReportIT {

    private static final String NAME = "Panel <script>alert('x')</script> & co";

    @Autowired
    ReportService reports;
    @Autowired
    ExportService exports;
    @Autowired
    ResultsService results;
    @Autowired
    AgreementService agreement;
    @Autowired
    ConvergenceService convergence;
    @Autowired
    RatingService ratings;
    @Autowired
    StudyService studies;
    @Autowired
    StudyTestData data;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** Two closed rounds of six experts on three targets: round 1 spread around a target's level, round 2 closer. */
    private Fixture aStudyWithTwoClosedRounds() {
        // as the demo: cells with consensus are rated again, so both rounds rate every cell
        Fixture fixture = data.aDraftStudy(6, 3, new StudyRules(StudyRules.DEFAULT_CONSENSUS_RULE,
                StudyRules.DEFAULT_STOPPING_RULE, 4, true, 7, RationalePolicy.WHEN_DEVIATING, false));
        studies.updateDetails(fixture.facilitatorId(), fixture.study().id(), new StudyDetails(NAME,
                "Demo-like data for the report test.", "How mature is each developer's risk management?"));
        fixture = fixture.withRound(studies.openNextRound(fixture.facilitatorId(), fixture.study().id(), null));
        List<Criterion> criteria = fixture.framework().criteria();
        var random = new SplittableRandom(20_261_204L);
        double[][][] previous = new double[3][criteria.size()][6];
        for (int round = 1; round <= 2; round++) {
            for (int t = 0; t < 3; t++) {
                for (int c = 0; c < criteria.size(); c++) {
                    double level = 1 + t + 0.2 * c;
                    double median = round == 1 ? 0 : median(previous[t][c]);
                    for (int e = 0; e < 6; e++) {
                        double grade = round == 1 ? level + random.nextDouble(-1.5, 1.5)
                                : previous[t][c][e] + (median - previous[t][c][e]) * random.nextDouble(0.3, 0.9);
                        grade = Math.max(0, Math.min(5, grade));
                        BigDecimal value = BigDecimal.valueOf(grade).setScale(1, RoundingMode.HALF_UP);
                        previous[t][c][e] = value.doubleValue();
                        ratings.save(fixture.expert(e), new RatingChange(fixture.round().id(),
                                fixture.targets().get(t).id(), criteria.get(c).id(), value, Confidence.MEDIUM,
                                "Judged from the public policy.", List.of(), null));
                    }
                }
            }
            fixture = data.closeRound(fixture);
            if (round == 1) {
                fixture = data.openNextRound(fixture, null);
            }
        }
        return fixture;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private void asFacilitator(Fixture fixture) {
        ActingAs.user(data.email(fixture.facilitatorId()), "FACILITATOR");
    }

    private void asExpert(Fixture fixture) {
        ActingAs.user(data.email(fixture.expert(0)), "EXPERT");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // reading order by position: a line mixing fonts (monospace rule text, bold) otherwise comes out shuffled
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void the_pdf_has_every_section_with_the_apps_own_numbers() throws IOException {
        Fixture fixture = aStudyWithTwoClosedRounds();
        asFacilitator(fixture);
        StudyResults computed = results.compute(fixture.study().id());
        byte[] pdf = reports.pdf(fixture.study().id());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf).replaceAll("\\s+", " ");

        assertThat(text).contains("Provenance", "Question", "Rubric and weights", "Panel and rounds",
                "Pre-registered rules", "Response rates", "Agreement per round", "Convergence across rounds",
                "Final weighted scores", "Methods", "Principal references");
        // provenance
        assertThat(text).contains("#" + fixture.study().id().value() + " " + NAME, "saferai-2024 version",
                "Delphi Panel ", "Closed rounds included 1, 2");
        // question, rubric, panel, rules
        assertThat(text).contains("How mature is each developer's risk management?", "Risk identification",
                "6 experts", fixture.targets().get(2).name());
        assertThat(text).contains(fixture.study().rules().consensusRule(), fixture.study().rules().stoppingRule());
        // response rates: every expert rated every cell in both rounds
        assertThat(text).contains("6 of 6 100%");
        // agreement of round 1, as the agreement page computes it
        Round first = studies.rounds(fixture.study().id()).getFirst();
        AgreementReport round1 = agreement.agreement(fixture.study().id(), first.id(), AgreementScope.allCells());
        double alpha = round1.statistic("Krippendorff's alpha (ordinal)").value().orElseThrow();
        assertThat(text).contains(String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", alpha,
                round1.statistic("Krippendorff's alpha (ordinal)").lower(),
                round1.statistic("Krippendorff's alpha (ordinal)").upper()));
        assertThat(text).contains("Kendall's W", "ICC2k", "Fleiss' kappa", "Gwet's AC1");
        // convergence and the stopping advice, as the convergence page computes them
        Convergence moved = convergence.convergence(fixture.study().id());
        Convergence.Change change = moved.rounds().get(1).change();
        assertThat(text).contains(change.changed() + " of " + change.pairs() + " (", "moved by more than 0.5",
                "Stopping rule", moved.stopping().summary().substring(0, moved.stopping().summary().indexOf(':')));
        // final scores: each target's overall score and range as the results service gives them
        StudyResults shown = results.results(fixture.study().id()).orElseThrow();
        assertThat(shown.snapshotId()).isEqualTo(computed.snapshotId());
        for (StudyResults.TargetScores target : shown.targets()) {
            StudyResults.NodeScore overall = target.overall();
            assertThat(text).contains(target.target() + " ");
            assertThat(text).contains(String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", overall.score(), overall.lower(),
                    overall.upper()));
        }
        // methods from docs/statistics.md, with its references
        assertThat(text).contains("Computing Krippendorff's Alpha-Reliability", "Shrout & J. L. Fleiss (1979)",
                "Kendall & B. Babington Smith (1939)");

        // one page rendered, for a person to look at (target/report-page-*.png) and to prove it renders
        Path out = Path.of("target", "report-it");
        Files.createDirectories(out);
        Files.write(out.resolve("report.pdf"), pdf);
        Files.writeString(out.resolve("report.html"), reports.html(fixture.study().id()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < Math.min(document.getNumberOfPages(), 12); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 70);
                ImageIO.write(image, "png", out.resolve("page-" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void the_html_is_standalone_and_escapes_what_people_typed() {
        Fixture fixture = aStudyWithTwoClosedRounds();
        asFacilitator(fixture);
        results.compute(fixture.study().id());
        String html = reports.html(fixture.study().id());
        assertThat(html).contains("Panel &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(html).contains("<style>", "data:image/png;base64,").doesNotContain("<link")
                .doesNotContain("src=\"http").doesNotContain("@import");
    }

    @Test
    void experts_get_the_report_only_after_publication_and_only_up_to_the_published_round() throws IOException {
        Fixture fixture = aStudyWithTwoClosedRounds();
        asExpert(fixture);
        assertThatThrownBy(() -> reports.pdf(fixture.study().id())).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not published");
        assertThatThrownBy(() -> reports.html(fixture.study().id())).isInstanceOf(AccessDeniedException.class);

        asFacilitator(fixture);
        results.compute(fixture.study().id());
        results.publish(fixture.study().id());
        asExpert(fixture);
        String text = text(reports.pdf(fixture.study().id())).replaceAll("\\s+", " ");
        assertThat(text).contains("Closed rounds included 1, 2", "Final weighted scores", "published");
    }

    @Test
    void the_zip_bundle_carries_both_reports_and_the_agreement_table() throws IOException {
        Fixture fixture = aStudyWithTwoClosedRounds();
        asFacilitator(fixture);
        List<String> names = new ArrayList<>();
        byte[] html = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(exports.bundle(fixture.study().id(), false)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                byte[] content = zip.readAllBytes();
                if (entry.getName().endsWith(".html")) {
                    html = content;
                }
            }
        }
        long id = fixture.study().id().value();
        assertThat(names).contains("round-agreement.csv", "study-" + id + "-report.html", "study-" + id + "-report.pdf");
        assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("No results have been computed yet");
    }
}
