package org.delphipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void no_arguments_start_the_web_application_not_the_command_line() {
        assertThat(Cli.handles(new String[0])).isFalse();
    }

    @Test
    void serve_and_spring_options_start_the_web_application() {
        assertThat(Cli.handles(new String[] {"serve"})).isFalse();
        assertThat(Cli.handles(new String[] {"--server.port=8091"})).isFalse();
        assertThat(Cli.handles(new String[] {"serve", "agreement"})).isFalse();
    }

    @Test
    void the_commands_and_help_are_routed_to_the_command_line() {
        for (String command : new String[] {"agreement", "rounds", "score", "help", "--help", "-h"}) {
            assertThat(Cli.handles(new String[] {command})).as(command).isTrue();
        }
    }

    @Test
    void help_prints_the_usage_of_every_command_and_exits_0() {
        CliRun run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("agreement FILE.csv").contains("rounds R1.csv R2.csv")
                .contains("score FILE.csv --framework").contains("Exit codes");
    }

    @Test
    void help_for_one_command_and_the_help_option_print_that_command() {
        assertThat(CliRun.of("help", "rounds").out()).startsWith("java -jar delphi-panel.jar rounds");
        assertThat(CliRun.of("score", "--help").out()).startsWith("java -jar delphi-panel.jar score");
        assertThat(CliRun.of("agreement", "x.csv", "-h").exitCode()).isZero();
    }

    @Test
    void help_for_an_unknown_command_is_a_usage_error() {
        CliRun run = CliRun.of("help", "scores");

        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).isEqualTo("error: unknown command 'scores'; commands: agreement, rounds, score\n");
    }
}
