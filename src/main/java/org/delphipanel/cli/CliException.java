package org.delphipanel.cli;

/**
 * A run of the command line that cannot go on: bad input (exit code {@link #INPUT}) or a bad command
 * line (exit code {@link #USAGE}). The message is one line and, for input, names the file and line.
 */
public final class CliException extends RuntimeException {

    /** Exit code for a file that cannot be read or whose content is refused. */
    public static final int INPUT = 1;
    /** Exit code for an unknown command or option, or an option value that makes no sense. */
    public static final int USAGE = 2;

    private final int exitCode;

    private CliException(int exitCode, String message) {
        super(oneLine(message));
        this.exitCode = exitCode;
    }

    /** A problem at a line of a file: {@code FILE:LINE: problem}. */
    static CliException at(String file, int line, String problem) {
        return new CliException(INPUT, file + ":" + line + ": " + problem);
    }

    /** A problem with a whole file (missing, unreadable, inconsistent with another file). */
    static CliException inFile(String file, String problem) {
        return new CliException(INPUT, file + ": " + problem);
    }

    static CliException usage(String problem) {
        return new CliException(USAGE, problem);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Control characters (a newline inside a quoted CSV field, say) would break the one-line promise. */
    static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
