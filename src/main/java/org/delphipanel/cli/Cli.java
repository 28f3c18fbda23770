package org.delphipanel.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of the jar: {@code agreement}, {@code rounds}, {@code score} and {@code help}. Each
 * command prints JSON on standard output and returns exit code 0; a problem prints one line,
 * {@code error: ...}, on standard error and returns {@link CliException#INPUT} (bad file content, naming
 * the file and line) or {@link CliException#USAGE} (bad command line). See docs/cli.md.
 *
 * <p>{@link #run(String[], PrintStream, PrintStream)} never calls {@code System.exit}, so tests run it
 * in-process; {@code Application.main} exits with its code.
 */
public final class Cli {

    /** The first arguments that select the command line instead of the web application. */
    public static final Set<String> COMMANDS = Set.of("agreement", "rounds", "score", "help", "--help", "-h");

    /** Exit code for an unexpected failure (a bug): the message still fits on one line. */
    public static final int INTERNAL = 3;

    private Cli() {
    }

    /**
     * Whether these program arguments ask for the command line. No arguments, {@code serve} or anything
     * else (Spring options such as {@code --server.port=8081}) start the web application.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs with the process's standard streams, writing UTF-8 whatever the platform's default. */
    public static int run(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    /**
     * Runs one command.
     *
     * @return the exit code: 0, {@link CliException#INPUT}, {@link CliException#USAGE} or {@link #INTERNAL}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            out.print(execute(List.of(args)));
            out.flush();
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println("error: internal error, please report it: " + CliException.oneLine(String.valueOf(e)));
            return INTERNAL;
        } finally {
            err.flush();
        }
    }

    private static String execute(List<String> args) {
        if (args.isEmpty()) {
            return Usage.GENERAL;
        }
        String command = args.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = args.subList(1, args.size());
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            return rest.isEmpty() ? Usage.GENERAL : Usage.of(rest.get(0));
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            return Usage.of(command);
        }
        return switch (command) {
            case "agreement" -> AgreementCommand.run(Options.parse(command, rest, AgreementCommand.OPTIONS));
            case "rounds" -> RoundsCommand.run(Options.parse(command, rest, RoundsCommand.OPTIONS));
            case "score" -> ScoreCommand.run(Options.parse(command, rest, ScoreCommand.OPTIONS));
            default -> throw CliException.usage("unknown command '" + args.get(0) + "'; commands: "
                    + String.join(", ", Arrays.asList("agreement", "rounds", "score", "help")));
        };
    }
}
