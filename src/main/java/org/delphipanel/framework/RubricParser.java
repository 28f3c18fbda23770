package org.delphipanel.framework;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.delphipanel.base.Utf8Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates a rubric file (JSON, or YAML when the file name ends in {@code .yaml} or
 * {@code .yml}) into a {@link FrameworkDefinition}. Plain Java, so the command line uses it as the
 * web application does. The format and every rule are described in docs/frameworks.md.
 *
 * <p>Every problem found is collected and reported together in one {@link RubricException}; only a
 * file that cannot be read as JSON/YAML at all stops at its first syntax error.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class RubricParser {

    private static final List<String> RUBRIC_FIELDS =
            List.of("code", "version", "name", "description", "scales", "root", "bands");
    private static final List<String> NODE_FIELDS = List.of("code", "name", "description", "weight", "scale", "children");
    private static final List<String> SCALE_FIELDS = List.of("min", "max", "step", "levels");
    private static final List<String> BAND_FIELDS = List.of("label", "lower", "upper", "lowerInclusive");

    /** Column sizes of the database tables (V002__create_frameworks.sql). */
    private static final int MAX_NAME = 300;
    private static final int MAX_LABEL = 100;
    private static final BigDecimal NUMERIC_LIMIT = new BigDecimal("100000");
    private static final int NUMERIC_DECIMALS = 4;

    /** Deeper trees are certainly a mistake, and the limit keeps recursion far from the stack's end. */
    private static final int MAX_DEPTH = 20;
    /** The largest rubric file taken (the SaferAI rubric has about 16,000). */
    static final int MAX_SOURCE_CHARS = 1_000_000;

    private static final Pattern FRACTION = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String fileName;
    private final List<RubricProblem> problems = new ArrayList<>();
    private final Map<String, String> pathsByNodeCode = new HashMap<>();
    private final Map<String, @Nullable ScaleDefinition> sharedScales = new LinkedHashMap<>();

    private RubricParser(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Parses and validates rubric text.
     *
     * @param fileName names the file in every message, and chooses YAML for {@code .yaml}/{@code .yml}
     * @throws RubricException listing every problem found
     */
    public static FrameworkDefinition parse(String source, String fileName) {
        return new RubricParser(fileName).run(source);
    }

    /** Parses and validates a rubric file (UTF-8). */
    public static FrameworkDefinition parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** Parses and validates the bytes of a rubric file, which must be UTF-8 text. */
    public static FrameworkDefinition parse(byte[] file, String fileName) {
        String source;
        try {
            source = Utf8Text.decode(file);
        } catch (Utf8Text.NotUtf8Exception notText) {
            throw new RubricException(List.of(new RubricProblem(fileName, "line " + notText.line(),
                    notText.getMessage().replace("\"CSV UTF-8\" (or UTF-8 text)", "UTF-8 text"))));
        }
        return parse(source, fileName);
    }

    static boolean isYaml(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private FrameworkDefinition run(String source) {
        if (source.length() > MAX_SOURCE_CHARS) {
            problem("file", "the file has " + source.length() + " characters; a rubric may have at most "
                    + MAX_SOURCE_CHARS);
            throw new RubricException(problems);
        }
        boolean yaml = isYaml(fileName);
        JsonNode tree;
        try {
            tree = (yaml ? YAML : JSON).readTree(source);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String location = where == null || where.getLineNr() < 0
                    ? "file"
                    : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            problem(location, "malformed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
            throw new RubricException(problems);
        }
        if (tree == null || !tree.isObject()) {
            problem("file", "a rubric file holds one object with the fields " + String.join(", ", RUBRIC_FIELDS));
            throw new RubricException(problems);
        }
        FrameworkDefinition definition = rubric(tree);
        if (!problems.isEmpty() || definition == null) {
            throw new RubricException(problems);
        }
        return definition;
    }

    private @Nullable FrameworkDefinition rubric(JsonNode json) {
        String where = "rubric";
        unknownFields(json, RUBRIC_FIELDS, where);
        String code = code(json, where);
        Integer version = version(json, where);
        String name = text(json, "name", where, true, MAX_NAME);
        String description = text(json, "description", where, false, Integer.MAX_VALUE);
        sharedScales(json.get("scales"));
        JsonNode rootJson = json.get("root");
        FrameworkNode root = null;
        if (rootJson == null || rootJson.isNull()) {
            problem(where, "the tree is empty: the field 'root' (the top node of the tree) is missing");
        } else {
            root = node(rootJson, "root", 0).node();
        }
        List<Band> bands = bands(json.get("bands"));
        if (root != null && bands != null) {
            double min = FrameworkDefinition.scoreMin(root);
            double max = FrameworkDefinition.scoreMax(root);
            Band.coverageProblems(bands, min, max).forEach(message -> problem("bands", message));
        }
        if (!problems.isEmpty() || code == null || version == null || name == null || root == null || bands == null) {
            return null;
        }
        try {
            return new FrameworkDefinition(code, version, name, description, root, bands);
        } catch (IllegalArgumentException e) {
            // the checks above should have said it already; this keeps a missed rule from passing silently
            problem(where, e.getMessage());
            return null;
        }
    }

    private @Nullable String code(JsonNode json, String where) {
        String code = text(json, "code", where, true, MAX_LABEL);
        if (code != null && !FrameworkDefinition.CODE.matcher(code).matches()) {
            problem(where, "code '" + code + "' may hold only letters, digits, '.', '_' and '-', starting with a"
                    + " letter or digit");
            return null;
        }
        return code;
    }

    private @Nullable Integer version(JsonNode json, String where) {
        JsonNode value = json.get("version");
        if (value == null || value.isNull()) {
            problem(where, "the field 'version' is missing (a whole number, 1 for a first version)");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            problem(where, "version must be a whole number of at least 1, was " + value);
            return null;
        }
        return value.intValue();
    }

    private void sharedScales(@Nullable JsonNode json) {
        if (json == null || json.isNull()) {
            return;
        }
        if (!json.isObject()) {
            problem("scales", "'scales' must be an object mapping a scale name to its {min, max, step, levels}");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            String where = "shared scale '" + entry.getKey() + "' (scales." + entry.getKey() + ")";
            sharedScales.put(entry.getKey(), scaleObject(entry.getValue(), where));
        }
    }

    /** A parsed node, or only what its parent needs to check its children's weights if it had problems. */
    private record Parsed(@Nullable FrameworkNode node, @Nullable Double weight, String label) {}

    private Parsed node(JsonNode json, String path, int depth) {
        boolean isRoot = depth == 0;
        if (!json.isObject()) {
            problem("node at " + path, "a node must be an object with the fields " + String.join(", ", NODE_FIELDS));
            return new Parsed(null, null, path);
        }
        int problemsBefore = problems.size();
        JsonNode codeJson = json.get("code");
        String rawCode = codeJson != null && codeJson.isString() ? codeJson.stringValue() : null;
        String where = rawCode == null ? "node at " + path : "node '" + rawCode + "' (" + path + ")";

        unknownFields(json, NODE_FIELDS, where);
        String code = code(json, where);
        if (code != null) {
            String earlier = pathsByNodeCode.putIfAbsent(code, path);
            if (earlier != null) {
                problem(where, "duplicate code '" + code + "': the node at " + earlier + " already uses it");
            }
        }
        String name = text(json, "name", where, true, MAX_NAME);
        String description = text(json, "description", where, false, Integer.MAX_VALUE);
        Double weight = isRoot ? rootWeight(json, where) : weight(json, where);

        JsonNode childrenJson = json.get("children");
        JsonNode scaleJson = json.get("scale");
        boolean hasScale = scaleJson != null && !scaleJson.isNull();
        List<Parsed> children = new ArrayList<>();
        if (childrenJson != null && !childrenJson.isNull()) {
            if (!childrenJson.isArray()) {
                problem(where, "'children' must be a list of nodes");
            } else if (childrenJson.isEmpty()) {
                problem(where, isRoot
                        ? "the tree is empty: the root has no children"
                        : "'children' is empty; a leaf has a scale and no 'children' field");
            } else if (depth + 1 > MAX_DEPTH) {
                problem(where, "the tree is deeper than " + MAX_DEPTH + " levels");
            } else {
                for (int i = 0; i < childrenJson.size(); i++) {
                    children.add(node(childrenJson.get(i), path + ".children[" + i + "]", depth + 1));
                }
            }
        }
        boolean inner = childrenJson != null && !childrenJson.isNull();
        ScaleDefinition scale = null;
        if (inner && hasScale) {
            problem(where, "an inner node (it has children) must not have a scale; scales belong to the leaves");
        } else if (!inner && isRoot) {
            problem(where, "the tree is empty: the root has no children (a rubric needs at least one criterion"
                    + " under its root)");
        } else if (!inner && !hasScale) {
            problem(where, "a leaf (a node without children) needs a scale");
        } else if (!inner) {
            scale = scale(scaleJson, where);
        }
        if (inner) {
            childWeights(children, where);
        }
        // a subtree with problems (reported where they are) yields no node, and so no node above it
        boolean incomplete = problems.size() > problemsBefore || code == null || name == null || weight == null
                || (!inner && scale == null) || children.stream().anyMatch(child -> child.node() == null);
        if (incomplete) {
            return new Parsed(null, weight, code == null ? path : code);
        }
        try {
            List<FrameworkNode> childNodes = children.stream().map(Parsed::node).toList();
            return new Parsed(new FrameworkNode(code, name, description, weight, scale, childNodes), weight, code);
        } catch (IllegalArgumentException e) {
            problem(where, String.valueOf(e.getMessage()));
            return new Parsed(null, weight, code);
        }
    }

    private void childWeights(List<Parsed> children, String where) {
        if (children.isEmpty() || children.stream().anyMatch(child -> child.weight() == null)) {
            return;
        }
        double sum = children.stream().mapToDouble(Parsed::weight).sum();
        if (Math.abs(sum - 1) > FrameworkNode.WEIGHT_TOLERANCE) {
            String parts = children.stream()
                    .map(child -> child.label() + " " + number(child.weight()))
                    .collect(Collectors.joining(", "));
            problem(where, "the weights of its children sum to " + number(sum) + " (" + parts + "), not 1"
                    + " (within " + FrameworkNode.WEIGHT_TOLERANCE + ")");
        }
    }

    private @Nullable Double rootWeight(JsonNode json, String where) {
        if (json.get("weight") == null) {
            return 1.0;
        }
        Double weight = weight(json, where);
        if (weight != null && weight != 1.0) {
            problem(where, "the root's weight, when given, must be 1");
            return null;
        }
        return weight;
    }

    private @Nullable Double weight(JsonNode json, String where) {
        JsonNode value = json.get("weight");
        if (value == null || value.isNull()) {
            problem(where, "the field 'weight' (its share of its parent, e.g. 0.25 or \"1/3\") is missing");
            return null;
        }
        double weight;
        if (value.isNumber()) {
            weight = value.decimalValue().doubleValue();
        } else if (value.isString()) {
            String text = value.stringValue().trim();
            Matcher fraction = FRACTION.matcher(text);
            if (fraction.matches()) {
                var denominator = new BigInteger(fraction.group(2));
                if (denominator.signum() == 0) {
                    problem(where, "weight \"" + text + "\" divides by zero");
                    return null;
                }
                weight = new BigInteger(fraction.group(1)).doubleValue() / denominator.doubleValue();
            } else {
                try {
                    weight = new BigDecimal(text).doubleValue();
                } catch (NumberFormatException e) {
                    problem(where, "weight \"" + text + "\" is neither a number nor a fraction like \"1/3\"");
                    return null;
                }
            }
        } else {
            problem(where, "weight must be a number or a fraction like \"1/3\", was " + value);
            return null;
        }
        if (!(weight >= 0 && weight <= 1)) {
            problem(where, "weight " + value + " must be between 0 and 1");
            return null;
        }
        return weight;
    }

    private @Nullable ScaleDefinition scale(JsonNode json, String where) {
        if (json.isString()) {
            String scaleName = json.stringValue();
            if (!sharedScales.containsKey(scaleName)) {
                problem(where, "scale '" + scaleName + "' is not defined under 'scales'"
                        + (sharedScales.isEmpty() ? "" : " (defined: " + String.join(", ", sharedScales.keySet()) + ")"));
                return null;
            }
            // a shared scale with problems has reported them once already
            return sharedScales.get(scaleName);
        }
        return scaleObject(json, where);
    }

    private @Nullable ScaleDefinition scaleObject(JsonNode json, String where) {
        if (!json.isObject()) {
            problem(where, "a scale must be an object {min, max, step, levels} or the name of a shared scale");
            return null;
        }
        int problemsBefore = problems.size();
        unknownFields(json, SCALE_FIELDS, where + " scale");
        BigDecimal min = decimal(json, "min", where + " scale");
        BigDecimal max = decimal(json, "max", where + " scale");
        BigDecimal step = decimal(json, "step", where + " scale");
        if (min == null || max == null || step == null) {
            return null;
        }
        String rangeProblem = ScaleDefinition.rangeProblem(min, max, step);
        if (rangeProblem != null) {
            problem(where, rangeProblem);
            return null;
        }
        String range = min.toPlainString() + ".." + max.toPlainString();
        JsonNode levelsJson = json.get("levels");
        var levels = new TreeMap<Integer, String>();
        if (levelsJson == null || !levelsJson.isObject()) {
            problem(where, "the scale needs 'levels': an object with a descriptor for each whole grade of " + range
                    + ", e.g. {\"0\": \"...\", \"1\": \"...\"}");
            return null;
        }
        List<Integer> wholeGrades = ScaleDefinition.wholeGrades(min, max);
        for (Map.Entry<String, JsonNode> entry : levelsJson.properties()) {
            String key = entry.getKey().trim();
            if (!WHOLE_NUMBER.matcher(key).matches()) {
                problem(where, "level '" + entry.getKey() + "' is not a whole grade; descriptors are given per whole"
                        + " grade (\"0\", \"1\", ...)");
                continue;
            }
            int grade;
            try {
                grade = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                problem(where, "level '" + key + "' is out of range");
                continue;
            }
            if (!wholeGrades.contains(grade)) {
                problem(where, "level " + grade + " lies outside the scale " + range);
                continue;
            }
            JsonNode text = entry.getValue();
            if (!text.isString() || text.stringValue().isBlank()) {
                problem(where, "the descriptor of grade " + grade + " must be non-empty text");
                continue;
            }
            if (levels.put(grade, text.stringValue().strip()) != null) {
                problem(where, "grade " + grade + " has two descriptors");
            }
        }
        var missing = new TreeSet<>(wholeGrades);
        missing.removeAll(levels.keySet());
        if (!missing.isEmpty()) {
            problem(where, (missing.size() == 1 ? "no descriptor for grade " : "no descriptors for grades ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " of the scale " + range + " (every whole grade needs one)");
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new ScaleDefinition(min, max, step, levels);
    }

    private @Nullable List<Band> bands(@Nullable JsonNode json) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            problem("bands", "'bands' must be a list of {label, lower, upper, lowerInclusive}, lowest first");
            return null;
        }
        int problemsBefore = problems.size();
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonNode bandJson = json.get(i);
            String path = "bands[" + i + "]";
            if (!bandJson.isObject()) {
                problem("band at " + path, "a band must be an object {label, lower, upper, lowerInclusive}");
                continue;
            }
            JsonNode labelJson = bandJson.get("label");
            String where = labelJson != null && labelJson.isString()
                    ? "band '" + labelJson.stringValue() + "' (" + path + ")"
                    : "band at " + path;
            unknownFields(bandJson, BAND_FIELDS, where);
            String label = text(bandJson, "label", where, true, MAX_LABEL);
            BigDecimal lower = decimal(bandJson, "lower", where);
            BigDecimal upper = decimal(bandJson, "upper", where);
            JsonNode inclusiveJson = bandJson.get("lowerInclusive");
            boolean lowerInclusive = false;
            if (inclusiveJson != null && !inclusiveJson.isNull()) {
                if (inclusiveJson.isBoolean()) {
                    lowerInclusive = inclusiveJson.booleanValue();
                } else {
                    problem(where, "lowerInclusive must be true or false");
                }
            }
            if (label == null || lower == null || upper == null) {
                continue;
            }
            String problem = Band.problem(lower, upper, lowerInclusive);
            if (problem != null) {
                problem(where, problem);
                continue;
            }
            bands.add(new Band(label, lower, upper, lowerInclusive));
        }
        return problems.size() > problemsBefore ? null : bands;
    }

    private @Nullable String text(JsonNode json, String field, String where, boolean required, int maxLength) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(where, "the field '" + field + "' is missing");
            }
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            problem(where, "'" + field + "' must be non-empty text");
            return null;
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            problem(where, "'" + field + "' is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    private @Nullable BigDecimal decimal(JsonNode json, String field, String where) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            problem(where, "the field '" + field + "' is missing");
            return null;
        }
        if (!value.isNumber()) {
            problem(where, "'" + field + "' must be a number, was " + value);
            return null;
        }
        BigDecimal number = ScaleDefinition.normalise(value.decimalValue());
        if (number.scale() > NUMERIC_DECIMALS || number.abs().compareTo(NUMERIC_LIMIT) >= 0) {
            problem(where, "'" + field + "' = " + number.toPlainString() + " must have at most " + NUMERIC_DECIMALS
                    + " decimals and lie between -99999.9999 and 99999.9999");
            return null;
        }
        return number;
    }

    private void unknownFields(JsonNode json, List<String> allowed, String where) {
        for (String field : json.propertyNames()) {
            if (!allowed.contains(field)) {
                String suggestion = closest(field, allowed);
                problem(where, "unknown field '" + field + "'"
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** The allowed name within two edits of a typo, if any (Levenshtein distance). */
    private static @Nullable String closest(String field, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = editDistance(field.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private void problem(String location, String message) {
        problems.add(new RubricProblem(fileName, location, message));
    }
}
