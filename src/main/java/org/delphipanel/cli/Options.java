package org.delphipanel.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.delphipanel.stats.QuantileType;

/**
 * The arguments of one command: positional arguments (files) and {@code --name value} or
 * {@code --name=value} options from a known set. {@code --} ends the options. An unknown, repeated or
 * valueless option is a usage error.
 */
final class Options {

    private final String command;
    private final List<String> positionals;
    private final Map<String, String> values;

    private Options(String command, List<String> positionals, Map<String, String> values) {
        this.command = command;
        this.positionals = List.copyOf(positionals);
        this.values = Map.copyOf(values);
    }

    /**
     * Splits {@code args} (after the command word).
     *
     * @param known the option names without dashes
     */
    static Options parse(String command, List<String> args, Set<String> known) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw CliException.usage("unknown option --" + name + " for " + command + " (known: "
                        + String.join(", ", new TreeSet<>(known).stream().map(k -> "--" + k).toList()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw CliException.usage("option --" + name + " of " + command + " needs a value");
                }
                value = args.get(++i);
            }
            if (values.put(name, value) != null) {
                throw CliException.usage("option --" + name + " is given twice");
            }
        }
        return new Options(command, positionals, values);
    }

    List<String> positionals() {
        return positionals;
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** An integer option of at least {@code min}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " must be a whole number, was '" + text + "'");
        }
        if (value < min) {
            throw CliException.usage("--" + name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    long longValue(String name, long fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " must be a whole number, was '" + text + "'");
        }
    }

    /** A number in [min, max] (or (min, max) when {@code open}), or {@code fallback} when absent. */
    double number(String name, double fallback, double min, double max, boolean open) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw CliException.usage("--" + name + " must be a number, was '" + text + "'");
        }
        boolean inside = open ? value > min && value < max : value >= min && value <= max;
        if (!Double.isFinite(value) || !inside) {
            throw CliException.usage("--" + name + " must lie " + (open ? "strictly " : "") + "between "
                    + Fields.plain(min) + " and " + Fields.plain(max) + ", was " + text);
        }
        return value;
    }

    QuantileType quantileType(QuantileType fallback) {
        String text = values.get("quantile-type");
        if (text == null) {
            return fallback;
        }
        return switch (text.strip()) {
            case "6" -> QuantileType.TYPE_6;
            case "7" -> QuantileType.TYPE_7;
            default -> throw CliException.usage("--quantile-type must be 6 or 7, was '" + text + "'");
        };
    }

    String command() {
        return command;
    }
}
