package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refused input: a non-zero exit, nothing on stdout, one line on stderr naming file, line and problem. */
class BadInputTest {

    @TempDir
    Path dir;

    private CliRun agreement(String content) {
        return CliRun.of("agreement", CliRun.write(dir, "ratings.csv", content));
    }

    /** Asserts the one-line message {@code error: FILE:LINE: ...problem...}. */
    private static void assertRefused(CliRun run, int exitCode, String fileAndLine, String problem) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith("\n");
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\r");
        assertThat(run.err()).startsWith("error: ");
        assertThat(run.err()).contains(fileAndLine).contains(problem);
    }

    private String file() {
        return dir.resolve("ratings.csv").toString();
    }

    @Test
    void a_missing_file_is_named() {
        String missing = dir.resolve("nope.csv").toString();

        assertRefused(CliRun.of("agreement", missing), CliException.INPUT, missing + ":", "no such file");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(agreement(""), CliException.INPUT, file() + ":1:", "the file is empty");
    }

    @Test
    void a_header_without_rows_is_refused() {
        assertRefused(agreement("unit,rater,value\n"), CliException.INPUT, file() + ":1:", "no data rows");
    }

    @Test
    void a_header_missing_a_column_is_refused() {
        assertRefused(agreement("unit,rater\nu1,a\n"), CliException.INPUT, file() + ":1:", "missing column 'value'");
    }

    @Test
    void a_header_with_an_unknown_column_is_refused() {
        assertRefused(agreement("unit,rater,value,comment\nu1,a,1,x\n"), CliException.INPUT, file() + ":1:",
                "unknown column 'comment'");
    }

    @Test
    void a_header_naming_a_column_twice_is_refused() {
        assertRefused(agreement("unit,rater,value,Value\nu1,a,1,1\n"), CliException.INPUT, file() + ":1:",
                "'value' appears twice");
    }

    @Test
    void a_non_numeric_value_is_refused_with_its_line() {
        assertRefused(agreement("unit,rater,value\nu1,a,1\nu1,b,high\n"), CliException.INPUT, file() + ":3:",
                "value 'high' is not a number");
    }

    @Test
    void a_decimal_comma_gets_a_hint() {
        assertRefused(agreement("unit,rater,value\nu1,a,\"2,5\"\n"), CliException.INPUT, file() + ":2:",
                "use a dot as the decimal separator");
    }

    @Test
    void nan_infinity_and_java_suffixes_are_not_numbers() {
        assertRefused(agreement("unit,rater,value\nu1,a,NaN\n"), CliException.INPUT, file() + ":2:", "'NaN' is not a number");
        assertRefused(agreement("unit,rater,value\nu1,a,Infinity\n"), CliException.INPUT, file() + ":2:", "is not a number");
        assertRefused(agreement("unit,rater,value\nu1,a,2d\n"), CliException.INPUT, file() + ":2:", "is not a number");
        assertRefused(agreement("unit,rater,value\nu1,a,1e999\n"), CliException.INPUT, file() + ":2:", "too large");
    }

    @Test
    void an_empty_value_is_not_a_missing_rating() {
        assertRefused(agreement("unit,rater,value\nu1,a,\n"), CliException.INPUT, file() + ":2:", "empty value");
    }

    @Test
    void an_empty_unit_or_rater_is_refused() {
        assertRefused(agreement("unit,rater,value\n ,a,1\n"), CliException.INPUT, file() + ":2:", "empty unit");
        assertRefused(agreement("unit,rater,value\nu1,,1\n"), CliException.INPUT, file() + ":2:", "empty rater");
    }

    @Test
    void a_duplicate_unit_and_rater_pair_names_both_lines() {
        assertRefused(agreement("unit,rater,value\nu1,a,1\nu1,b,2\nu1,a,3\n"), CliException.INPUT, file() + ":4:",
                "unit 'u1' already has a rating from rater 'a' on line 2");
    }

    @Test
    void a_row_with_too_many_fields_is_refused() {
        assertRefused(agreement("unit,rater,value\nu1,a,1,9\n"), CliException.INPUT, file() + ":2:",
                "expected 3 fields");
    }

    @Test
    void an_unterminated_quote_names_the_line_where_it_opened() {
        assertRefused(agreement("unit,rater,value\nu1,a,1\n\"u2,b,2\nu3,c,3\n"), CliException.INPUT, file() + ":3:",
                "not closed");
    }

    @Test
    void a_quote_inside_an_unquoted_field_is_refused() {
        assertRefused(agreement("unit,rater,value\nu\"1,a,1\n"), CliException.INPUT, file() + ":2:",
                "double quote inside an unquoted field");
    }

    @Test
    void text_after_a_closing_quote_is_refused() {
        assertRefused(agreement("unit,rater,value\n\"u1\"x,a,1\n"), CliException.INPUT, file() + ":2:",
                "text after the closing quote");
    }

    @Test
    void line_numbers_count_line_breaks_inside_quoted_fields() {
        assertRefused(agreement("unit,rater,value\n\"two\nlines\",a,1\nu2,a,oops\n"), CliException.INPUT,
                file() + ":4:", "'oops' is not a number");
    }

    @Test
    void a_newline_in_an_offending_field_does_not_break_the_one_line_message() {
        CliRun run = agreement("unit,rater,value\nu1,\"a\nb\",1\nu1,\"a\nb\",2\n");

        assertRefused(run, CliException.INPUT, file() + ":4:", "rater 'a\\nb'");
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_with_their_line() {
        byte[] latin1 = "unit,rater,value\nu1,a,1\nd\u00e9j\u00e0,b,2\n".getBytes(StandardCharsets.ISO_8859_1);

        CliRun run = CliRun.of("agreement", CliRun.write(dir, "ratings.csv", latin1));

        assertRefused(run, CliException.INPUT, file() + ":3:", "not valid UTF-8");
    }

    @Test
    void a_value_off_the_scale_is_refused_when_a_scale_is_given() {
        CliRun run = CliRun.of("agreement", CliRun.write(dir, "ratings.csv", "unit,rater,value\nu1,a,1\nu1,b,5.5\n"),
                "--scale", "0:5:0.1");

        assertRefused(run, CliException.INPUT, file() + ":3:", "value 5.5 is off the scale 0..5 step 0.1");
    }

    @Test
    void a_value_between_steps_is_off_the_scale() {
        CliRun run = CliRun.of("agreement", CliRun.write(dir, "ratings.csv", "unit,rater,value\nu1,a,2.25\n"),
                "--scale", "0:5:0.1");

        assertRefused(run, CliException.INPUT, file() + ":2:", "off the scale");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        CliRun run = CliRun.of("agreement", CliRun.example("krippendorff-2011.csv"), "--sclae", "0:5:0.1");

        assertRefused(run, CliException.USAGE, "unknown option --sclae", "known: --bootstrap");
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        assertRefused(CliRun.of("agree", "x.csv"), CliException.USAGE, "unknown command 'agree'", "agreement");
    }

    @Test
    void bad_option_values_are_usage_errors() {
        String file = CliRun.example("krippendorff-2011.csv");
        assertRefused(CliRun.of("agreement", file, "--scale", "0-5"), CliException.USAGE, "--scale", "MIN:MAX:STEP");
        assertRefused(CliRun.of("agreement", file, "--quantile-type", "8"), CliException.USAGE, "--quantile-type", "6 or 7");
        assertRefused(CliRun.of("agreement", file, "--bootstrap", "0"), CliException.USAGE, "--bootstrap", "at least 1");
        assertRefused(CliRun.of("agreement", file, "--bootstrap"), CliException.USAGE, "--bootstrap", "needs a value");
        assertRefused(CliRun.of("agreement", file, "--seed", "1"), CliException.USAGE, "--seed", "--bootstrap");
        assertRefused(CliRun.of("agreement", file, "--ci", "1"), CliException.USAGE, "--ci", "strictly between 0 and 1");
        assertRefused(CliRun.of("agreement", file, "--ci", "0.9", "--ci", "0.8"), CliException.USAGE, "--ci", "twice");
        assertRefused(CliRun.of("agreement"), CliException.USAGE, "agreement takes one ratings file", "got 0");
    }

    @Test
    void rounds_with_different_units_name_both_files() {
        String first = CliRun.write(dir, "r1.csv", "unit,rater,value\nu1,a,1\nu2,a,2\n");
        String second = CliRun.write(dir, "r2.csv", "unit,rater,value\nu1,a,1\nu3,a,2\n");

        assertRefused(CliRun.of("rounds", first, second), CliException.INPUT, second + ": does not match " + first,
                "only in the earlier round: [u2]");
    }

    @Test
    void a_bad_row_in_a_later_round_names_that_file() {
        String first = CliRun.write(dir, "r1.csv", "unit,rater,value\nu1,a,1\n");
        String second = CliRun.write(dir, "r2.csv", "unit,rater,value\nu1,a,x\n");

        assertRefused(CliRun.of("rounds", first, second), CliException.INPUT, second + ":2:", "'x' is not a number");
    }

    @Test
    void a_bad_consensus_rule_is_a_usage_error() {
        String first = CliRun.write(dir, "r1.csv", "unit,rater,value\nu1,a,1\n");

        assertRefused(CliRun.of("rounds", first, "--consensus-rule", "iqr<1"), CliException.USAGE, "--consensus-rule", "iqr");
    }
}
