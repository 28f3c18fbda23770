package org.delphipanel.cli;

/** The text of {@code help}. */
final class Usage {

    static final String AGREEMENT = """
            java -jar delphi-panel.jar agreement FILE.csv [options]
              Agreement of one round's ratings. FILE.csv has the header unit,rater,value
              (one row per rating; a missing rating is a missing row).
              --scale MIN:MAX:STEP   the rating scale, e.g. 0:5:0.1: rwg's A and the categories of
                                     Fleiss' kappa and Gwet's AC1/AC2 (default: the observed values;
                                     rwg is then undefined); values off the scale are refused
              --quantile-type 7|6    Hyndman-Fan type of the quartiles (default 7, as R and numpy)
              --ci LEVEL             level of the ICC and bootstrap intervals (default 0.95)
              --bootstrap B          add bootstrap intervals for ordinal and interval alpha
              --seed S               seed of the bootstrap (default 42)
            """;

    static final String ROUNDS = """
            java -jar delphi-panel.jar rounds R1.csv R2.csv [R3.csv ...] [options]
              Consensus per round, change between consecutive rounds and the stopping advice.
              Each file has the header unit,rater,value; experts are matched by rater id.
              --change-threshold D   a rating changed when it moved by more than D (default 0.5)
              --quantile-type 7|6    Hyndman-Fan type of medians, quartiles, IQR (default 7)
              --max-rounds N         the study's cap on rounds (default: the number of files)
              --scale MIN:MAX:STEP   the rating scale (adds rwg; needed by rwg>= and ipr<=ipras rules)
              --consensus-rule TEXT  default "iqr<=1 and within(1)>=0.7"
              --stopping-rule TEXT   default "consensus>=0.8 or stable(0.15) or max_rounds"
            """;

    static final String SCORE = """
            java -jar delphi-panel.jar score FILE.csv --framework saferai-2024|PATH [options]
              Weighted maturity scores with bootstrap intervals. FILE.csv has the header
              target,criterion,rater,value and optionally confidence (LOW, MEDIUM or HIGH);
              criterion is a leaf code of the framework, value a grade on its scale.
              --framework F          the built-in saferai-2024, or a rubric file (.json, .yaml)
              --aggregate A          median (default), mean, trimmed:P (e.g. trimmed:0.2), confidence
              --bootstrap B          bootstrap replicates (default 10000)
              --seed S               seed of the bootstrap (default 42)
              --ci LEVEL             interval level (default 0.95)
              --quantile-type 6|7    quantile type of the percentile and BCa intervals (default 6)
            """;

    static final String GENERAL = """
            Delphi Panel command line: prints JSON on standard output.

            """ + AGREEMENT + "\n" + ROUNDS + "\n" + SCORE + """

            java -jar delphi-panel.jar help [COMMAND]    this text, or one command's
            java -jar delphi-panel.jar [serve] [Spring options]    start the web application

            Exit codes: 0 success, 1 bad input file (the message names file and line),
            2 bad command line, 3 internal error. Documentation: docs/cli.md.
            """;

    private Usage() {
    }

    static String of(String command) {
        return switch (command) {
            case "agreement" -> AGREEMENT;
            case "rounds" -> ROUNDS;
            case "score" -> SCORE;
            default -> throw CliException.usage("unknown command '" + command + "'; commands: agreement, rounds, score");
        };
    }
}
