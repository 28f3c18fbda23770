package org.delphipanel.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The small grammar shared by {@link ConsensusRule} and {@link StoppingRule} texts (no JSON library, so
 * that a rule stored with a study as one string reads the same everywhere):
 *
 * <pre>
 * rule    = and { "or" and }
 * and     = primary { "and" primary }
 * primary = "(" rule ")" | clause
 * number  = digits [ "." digits ] | "." digits
 * </pre>
 *
 * "and" binds tighter than "or"; keywords are case-insensitive; blanks between tokens are optional
 * (except between two words). Clauses are parsed by the rule type through {@link ClauseReader}.
 */
final class RuleText<R> {

    enum Kind { WORD, NUMBER, LE, GE, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int position) {
        String shown() {
            return kind == Kind.END ? "end of text" : "'" + text + "'";
        }
    }

    /** Reads one clause, starting at the current token, for the rule type in hand. */
    interface ClauseReader<R> {
        R read(RuleText<R> text);
    }

    private final String kind;
    private final String spec;
    private final List<Token> tokens;
    private final ClauseReader<R> clauses;
    private final Function<List<R>, R> allOf;
    private final Function<List<R>, R> anyOf;
    private final String clauseHint;
    private int next;

    private RuleText(String kind, String spec, ClauseReader<R> clauses, Function<List<R>, R> allOf,
            Function<List<R>, R> anyOf, String clauseHint) {
        this.kind = kind;
        this.spec = spec;
        this.clauses = clauses;
        this.allOf = allOf;
        this.anyOf = anyOf;
        this.clauseHint = clauseHint;
        this.tokens = tokenize();
    }

    static <R> R parse(String kind, String spec, ClauseReader<R> clauses, Function<List<R>, R> allOf,
            Function<List<R>, R> anyOf, String clauseHint) {
        RuleText<R> text = new RuleText<>(kind, spec, clauses, allOf, anyOf, clauseHint);
        if (text.peek().kind() == Kind.END) {
            throw text.error(text.peek(), "empty rule, expected a clause (" + clauseHint + ")");
        }
        R rule = text.readOr();
        Token last = text.peek();
        if (last.kind() != Kind.END) {
            throw text.error(last, "unexpected " + last.shown() + ", expected 'and', 'or' or the end");
        }
        return rule;
    }

    /** The canonical text of a number: plain decimal, no trailing zeros ("0.7", "1", "0.15"). */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    void expect(Kind expected, String shown) {
        Token token = take();
        if (token.kind() != expected) {
            throw error(token, "unexpected " + token.shown() + ", expected " + shown);
        }
    }

    /** A non-negative number; {@code what} names it in the error. */
    double number(String what) {
        Token token = take();
        if (token.kind() != Kind.NUMBER) {
            throw error(token, "unexpected " + token.shown() + ", expected a number (" + what + ")");
        }
        return Double.parseDouble(token.text());
    }

    /** A number that must lie in [min, max]. */
    double number(String what, double min, double max) {
        Token token = peek();
        double value = number(what);
        if (value < min || value > max) {
            throw error(token,
                    what + " must lie in [" + format(min) + ", " + format(max) + "], was '" + token.text() + "'");
        }
        return value;
    }

    RuleSyntaxException error(Token token, String problem) {
        return new RuleSyntaxException(kind, spec, token.position(), token.kind() == Kind.END ? "" : token.text(),
                problem);
    }

    RuleSyntaxException unknownClause(Token token) {
        return error(token, "unexpected " + token.shown() + ", expected a clause (" + clauseHint + ")");
    }

    private R readOr() {
        List<R> parts = new ArrayList<>();
        parts.add(readAnd());
        while (isWord(peek(), "or")) {
            take();
            parts.add(readAnd());
        }
        return parts.size() == 1 ? parts.getFirst() : anyOf.apply(parts);
    }

    private R readAnd() {
        List<R> parts = new ArrayList<>();
        parts.add(readPrimary());
        while (isWord(peek(), "and")) {
            take();
            parts.add(readPrimary());
        }
        return parts.size() == 1 ? parts.getFirst() : allOf.apply(parts);
    }

    private R readPrimary() {
        Token token = peek();
        if (token.kind() == Kind.LPAREN) {
            take();
            R inner = readOr();
            expect(Kind.RPAREN, "')' to close the '(' at position " + token.position());
            return inner;
        }
        if (token.kind() != Kind.WORD || isWord(token, "and") || isWord(token, "or")) {
            throw unknownClause(token);
        }
        return clauses.read(this);
    }

    static boolean isWord(Token token, String word) {
        return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
    }

    static String word(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }

    private List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = spec.length();
        while (i < n) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c) && !Character.isDigit(c)) {
                int start = i;
                while (i < n && isWordChar(spec.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, spec.substring(start, i), start));
            } else if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < n && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (i < n && spec.charAt(i) == '.') {
                    i++;
                    int fractionStart = i;
                    while (i < n && Character.isDigit(spec.charAt(i))) {
                        i++;
                    }
                    if (i == fractionStart) {
                        throw new RuleSyntaxException(kind, spec, start, spec.substring(start, i),
                                "malformed number '" + spec.substring(start, i) + "'");
                    }
                }
                if (i < n && isWordChar(spec.charAt(i))) {
                    int end = i;
                    while (end < n && isWordChar(spec.charAt(end))) {
                        end++;
                    }
                    throw new RuleSyntaxException(kind, spec, start, spec.substring(start, end),
                            "malformed number '" + spec.substring(start, end) + "'");
                }
                out.add(new Token(Kind.NUMBER, spec.substring(start, i), start));
            } else if (spec.startsWith("<=", i)) {
                out.add(new Token(Kind.LE, "<=", i));
                i += 2;
            } else if (spec.startsWith(">=", i)) {
                out.add(new Token(Kind.GE, ">=", i));
                i += 2;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else {
                int end = spec.offsetByCodePoints(i, 1);
                throw new RuleSyntaxException(kind, spec, i, spec.substring(i, end),
                        "unexpected character '" + spec.substring(i, end) + "' (comparisons are written <= or >=)");
            }
        }
        out.add(new Token(Kind.END, "", n));
        return List.copyOf(out);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || Character.isDigit(c);
    }

    /**
     * The parts of an all-of or any-of rule with nested groups of the same kind spliced in, so that
     * equal rules print and compare equal; a group needs at least two parts.
     */
    static <R, G extends R> List<R> flatten(List<R> parts, Class<G> group, Function<G, List<R>> partsOf, String kind) {
        List<R> flat = new ArrayList<>();
        for (R part : parts) {
            if (group.isInstance(part)) {
                flat.addAll(partsOf.apply(group.cast(part)));
            } else {
                flat.add(part);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(kind + " needs at least two parts");
        }
        return List.copyOf(flat);
    }
}
