package org.delphipanel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;



import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.delphipanel.base.CsvRecords;
import org.delphipanel.cli.Cli;
import org.delphipanel.framework.Criterion;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.rating.CellSnapshot;
import org.delphipanel.rating.RoundSnapshot;
import org.delphipanel.rating.RoundSnapshotService;
import org.delphipanel.scoring.ActingAs;
import org.delphipanel.scoring.AgreementReport;
import org.delphipanel.scoring.AgreementScope;
import org.delphipanel.scoring.AgreementService;
import org.delphipanel.scoring.ResultsService;
import org.delphipanel.scoring.StudyResults;
import org.delphipanel.security.UserService;
import org.delphipanel.study.Round;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyService;
import org.delphipanel.study.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader with only the exported files and the command line gets the app's numbers: the demo study's
 * raw ratings are exported as CSV, turned into the CLI's {@code unit,rater,value} files exactly as
 * docs/exports.md describes, and the CLI's medians, quartiles, IQRs and consensus per cell equal the
 * snapshots stored when the rounds closed, its agreement statistics equal the exported agreement table
 * (which equals the app's agreement page), and its weighted scores equal the stored results.
 */
@SpringBootTest(properties = "delphi.demo.enabled=true")
class ExportRoundTripTest {

    private static final String FACILITATOR = "facilitator@example.org";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ExportService exports;
    @Autowired
    ResultsService results;
    @Autowired
    RoundSnapshotService snapshots;
    @Autowired
    StudyService studies;
    @Autowired
    FrameworkService frameworks;
    @Autowired
    UserService users;
    @Autowired
    AgreementService agreement;

    @TempDir
    Path dir;

    private Study study;
    private long facilitatorId;

    @BeforeEach
    void findTheDemo() {
        facilitatorId = users.findByEmail(FACILITATOR).orElseThrow().id().value();
        study = studies.overviewsFor(facilitatorId).getFirst().study();
        ActingAs.user(FACILITATOR, "FACILITATOR");
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    /** The exported ratings.csv parsed back: one map column -> text per row. */
    private List<Map<String, String>> exportedRatings() throws IOException {
        Path file = dir.resolve("ratings.csv");
        Files.write(file, CsvWriter.bytes(exports.rawRatings(study.id(), false).table(ExportService.RATINGS)));
        List<CsvRecords.Record> records = CsvRecords.read(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = records.getFirst().fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.fields().get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The docs' derivation: unit = target + "/" + criterion, rater, value; one file per round. */
    private Map<Integer, Path> unitRaterValueFiles(List<Map<String, String>> rows) throws IOException {
        Map<Integer, StringBuilder> byRound = new TreeMap<>();
        for (Map<String, String> row : rows) {
            byRound.computeIfAbsent(Integer.parseInt(row.get("round")), r -> new StringBuilder("unit,rater,value\n"))
                    .append(row.get("target")).append('/').append(row.get("criterion")).append(',')
                    .append(row.get("rater")).append(',').append(row.get("value")).append('\n');
        }
        Map<Integer, Path> files = new TreeMap<>();
        for (var entry : byRound.entrySet()) {
            Path file = dir.resolve("round" + entry.getKey() + ".csv");
            Files.writeString(file, entry.getValue());
            files.put(entry.getKey(), file);
        }
        return files;
    }

    private static JsonNode cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_cli_on_the_exported_ratings_gives_the_medians_iqrs_and_consensus_of_the_stored_round_snapshots()
            throws IOException {
        List<Map<String, String>> rows = exportedRatings();
        Map<Integer, Path> files = unitRaterValueFiles(rows);
        List<Round> closed = studies.rounds(study.id()).stream().filter(Round::isClosed).toList();
        assertThat(files.keySet()).containsExactly(1, 2);
        assertThat(closed).extracting(Round::number).containsExactly(1, 2);

        Criterion any = frameworks.find(study.frameworkId()).orElseThrow().criteria().getFirst();
        String scale = any.scale().min().toPlainString() + ":" + any.scale().max().toPlainString() + ":"
                + any.scale().step().toPlainString();
        JsonNode report = cli("rounds", files.get(1).toString(), files.get(2).toString(), "--quantile-type",
                String.valueOf(study.rules().quantileType()), "--consensus-rule", study.rules().consensusRule(),
                "--scale", scale);

        Map<Long, String> targetNames = new LinkedHashMap<>();
        studies.targets(study.id()).forEach((Target t) -> targetNames.put(t.id().value(), t.name()));
        Map<Long, String> codes = new LinkedHashMap<>();
        frameworks.find(study.frameworkId()).orElseThrow().criteria().forEach(c -> codes.put(c.id(), c.code()));
        int compared = 0;
        for (Round round : closed) {
            RoundSnapshot snapshot = snapshots.snapshot(facilitatorId, round.id()).orElseThrow();
            JsonNode units = report.get("rounds").get(round.number() - 1).get("units");
            for (CellSnapshot cell : snapshot.cells()) {
                JsonNode unit = units.get(targetNames.get(cell.targetId()) + "/" + codes.get(cell.criterionId()));
                assertThat(unit).as("cell %s/%s", cell.targetId(), cell.criterionId()).isNotNull();
                assertThat(unit.get("n").asInt()).isEqualTo(cell.n());
                assertThat(unit.get("median").asDouble()).isCloseTo(cell.median(), within(1e-12));
                assertThat(unit.get("q1").asDouble()).isCloseTo(cell.q1(), within(1e-12));
                assertThat(unit.get("q3").asDouble()).isCloseTo(cell.q3(), within(1e-12));
                assertThat(unit.get("iqr").asDouble()).isCloseTo(cell.iqr(), within(1e-12));
                assertThat(unit.get("consensus").asBoolean()).isEqualTo(cell.consensus());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2 * targetNames.size() * codes.size());

        // and the round-statistics export says the same as the snapshots it is read from
        Table statistics = exports.roundStatistics(study.id()).table(ExportService.ROUND_STATISTICS);
        assertThat(statistics.rows()).hasSize(compared);
        List<Object> first = statistics.rows().getFirst();
        JsonNode unit = report.get("rounds").get(0).get("units").get(first.get(1) + "/" + first.get(2));
        assertThat((Double) first.get(5)).isCloseTo(unit.get("median").asDouble(), within(1e-12));
        assertThat((Double) first.get(8)).isCloseTo(unit.get("iqr").asDouble(), within(1e-12));
    }

    /** The exported agreement table's rows of one round and scope, by statistic name. */
    private static Map<String, List<Object>> agreementRows(Table table, int round, String scope, String scopeId) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        table.rows().stream().filter(r -> r.get(0).equals(round) && r.get(1).equals(scope)
                && java.util.Objects.equals(r.get(2), scopeId)).forEach(r -> rows.put((String) r.get(6), r));
        return rows;
    }

    private static void assertSame(List<Object> row, AgreementReport.Statistic statistic) {
        assertThat(row.get(7)).as(statistic.name()).isEqualTo(statistic.value().isDefined()
                ? statistic.value().orElseThrow() : null);
        assertThat(row.get(8)).as(statistic.name() + " lower").isEqualTo(statistic.lower());
        assertThat(row.get(9)).as(statistic.name() + " upper").isEqualTo(statistic.upper());
    }

    @Test
    void the_exported_agreement_equals_the_agreement_page_and_the_cli_on_the_exported_ratings_reproduces_it()
            throws IOException {
        Table exported = exports.roundStatistics(study.id()).table(ExportService.ROUND_AGREEMENT);
        List<Round> closed = studies.rounds(study.id()).stream().filter(Round::isClosed).toList();
        Criterion firstCriterion = frameworks.find(study.frameworkId()).orElseThrow().criteria().getFirst();
        Target firstTarget = studies.targets(study.id()).getFirst();
        Map<Integer, Path> files = unitRaterValueFiles(exportedRatings());
        String scale = firstCriterion.scale().min().toPlainString() + ":" + firstCriterion.scale().max().toPlainString()
                + ":" + firstCriterion.scale().step().toPlainString();
        int compared = 0;
        for (Round round : closed) {
            // what the agreement page shows, for three scopes
            Map<String, List<Object>> all = agreementRows(exported, round.number(), "all", null);
            AgreementReport page = agreement.agreement(study.id(), round.id(), AgreementScope.allCells());
            assertThat(all.keySet()).containsExactlyElementsOf(
                    page.statistics().stream().map(AgreementReport.Statistic::name).toList());
            page.statistics().forEach(s -> assertSame(all.get(s.name()), s));
            assertThat(all.values()).allMatch(r -> r.get(3).equals(page.units()) && r.get(4).equals(page.raters()));
            AgreementReport criterion = agreement.agreement(study.id(), round.id(),
                    AgreementScope.criterion(firstCriterion.id()));
            criterion.statistics().forEach(s -> assertSame(
                    agreementRows(exported, round.number(), "criterion", firstCriterion.code()).get(s.name()), s));
            AgreementReport target = agreement.agreement(study.id(), round.id(), AgreementScope.target(firstTarget.id()));
            target.statistics().forEach(s -> assertSame(
                    agreementRows(exported, round.number(), "target", firstTarget.name()).get(s.name()), s));

            // what a reader gets from the CLI on the exported ratings, with the seed and B the export names
            JsonNode cli = cli("agreement", files.get(round.number()).toString(), "--scale", scale, "--bootstrap",
                    String.valueOf(AgreementService.REPLICATES), "--seed", String.valueOf(AgreementService.SEED),
                    "--ci", String.valueOf(AgreementService.LEVEL), "--quantile-type",
                    String.valueOf(study.rules().quantileType()));
            JsonNode alpha = cli.get("krippendorff_alpha");
            for (String level : List.of("ordinal", "interval")) {
                List<Object> row = all.get("Krippendorff's alpha (" + level + ")");
                assertThat(alpha.get(level).asDouble()).isCloseTo((Double) row.get(7), within(1e-12));
                assertThat(alpha.get("bootstrap").get(level).get("lower").asDouble())
                        .isCloseTo((Double) row.get(8), within(1e-12));
                assertThat(alpha.get("bootstrap").get(level).get("upper").asDouble())
                        .isCloseTo((Double) row.get(9), within(1e-12));
                compared++;
            }
            for (String form : List.of("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")) {
                List<Object> row = all.get(form);
                JsonNode icc = cli.get("icc").get(form);
                assertThat(icc.get("value").asDouble()).as(form).isCloseTo((Double) row.get(7), within(1e-12));
                assertThat(icc.get("ci_lower").asDouble()).isCloseTo((Double) row.get(8), within(1e-12));
                assertThat(icc.get("ci_upper").asDouble()).isCloseTo((Double) row.get(9), within(1e-12));
                compared++;
            }
            assertThat(cli.get("kendall_w").get("w_tie_corrected").asDouble())
                    .isCloseTo((Double) all.get("Kendall's W").get(7), within(1e-12));
            assertThat(cli.get("fleiss_kappa").get("kappa").asDouble())
                    .isCloseTo((Double) all.get("Fleiss' kappa").get(7), within(1e-12));
            assertThat(cli.get("gwet_ac1").get("value").asDouble())
                    .isCloseTo((Double) all.get("Gwet's AC1").get(7), within(1e-12));
            assertThat(cli.get("gwet_ac2").get("quadratic").get("value").asDouble())
                    .isCloseTo((Double) all.get("Gwet's AC2").get(7), within(1e-12));
            compared += 4;
        }
        assertThat(compared).isEqualTo(closed.size() * 12);
    }

    @Test
    void the_cli_score_command_on_the_exported_final_round_gives_the_stored_results_scores_and_intervals()
            throws IOException {
        StudyResults stored = results.compute(study.id());
        Export consensus = exports.consensus(study.id());
        Provenance provenance = consensus.provenance();
        assertThat(provenance.resultsRound()).isEqualTo(2);

        List<Map<String, String>> rows = exportedRatings();
        StringBuilder scores = new StringBuilder("target,criterion,rater,value,confidence\n");
        rows.stream().filter(r -> Integer.parseInt(r.get("round")) == provenance.resultsRound())
                .forEach(r -> scores.append(r.get("target")).append(',').append(r.get("criterion")).append(',')
                        .append(r.get("rater")).append(',').append(r.get("value")).append(',')
                        .append(r.get("confidence")).append('\n'));
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, scores);
        JsonNode report = cli("score", file.toString(), "--framework", provenance.frameworkCode(), "--aggregate",
                provenance.aggregation(), "--seed", String.valueOf(provenance.bootstrapSeed()), "--bootstrap",
                String.valueOf(provenance.bootstrapReplicates()), "--ci", String.valueOf(provenance.intervalLevel()));

        int compared = 0;
        for (StudyResults.TargetScores target : stored.targets()) {
            for (StudyResults.NodeScore score : target.scores()) {
                JsonNode node = report.get("targets").get(target.target()).get(score.node());
                assertThat(node).as("%s %s", target.target(), score.node()).isNotNull();
                assertThat(node.get("score").asDouble()).isCloseTo(score.score(), within(1e-12));
                assertThat(node.get("ci_lower").asDouble()).isCloseTo(score.lower(), within(1e-12));
                assertThat(node.get("ci_upper").asDouble()).isCloseTo(score.upper(), within(1e-12));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(stored.targets().size() * stored.nodes().size());
        // the scores table of the export holds the same numbers
        Table table = consensus.table(ExportService.SCORES);
        assertThat(table.rows()).hasSize(compared);
        List<Object> overall = table.rows().getFirst();
        assertThat((Double) overall.get(5)).isEqualTo(stored.targets().getFirst().overall().score());
    }
}
