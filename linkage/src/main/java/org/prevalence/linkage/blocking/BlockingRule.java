package org.prevalence.linkage.blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.prevalence.core.PrevalenceException;

/**
 * One blocking rule: two records are a candidate pair when every key of the rule is present in
 * both and equal. Written as a comma-separated list of keys, each a bare field or
 * {@code function(field)}: {@code "soundex(surname), year(dob)"}, {@code "dob"},
 * {@code "given_name, city"}. Written {@code unordered(key, key, ...)}, the keys are compared as a set, in
 * any order: {@code "unordered(soundex(given_name), soundex(surname))"} also pairs two records whose given
 * name and surname are swapped.
 *
 * @param parts the keys, at least one
 * @param unordered whether the keys are compared in any order
 */
public record BlockingRule(List<Part> parts, boolean unordered) {
    /** One key of a rule.
     * @param function the key function
     * @param field the field it applies to */
    public record Part(KeyFunction function, String field) {
        /** Checks the components. */
        public Part {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String toString() {
            return function == KeyFunction.EXACT ? field : function.ruleName() + "(" + field + ")";
        }
    }

    /**
     * A rule whose keys are compared in order.
     *
     * @param parts the keys, at least one
     */
    public BlockingRule(List<Part> parts) {
        this(parts, false);
    }

    /** Copies and checks the parts. */
    public BlockingRule {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw PrevalenceException.invalidArgument("blocking rule", "a blocking rule needs at least one key");
        }
    }

    /**
     * @param spec a rule such as {@code "soundex(surname), year(dob)"}
     * @return the rule
     * @throws PrevalenceException if it is malformed or names an unknown function
     */
    public static BlockingRule parse(String spec) {
        String body = spec.strip();
        boolean unordered = body.startsWith("unordered(") && body.endsWith(")");
        if (unordered) {
            body = body.substring("unordered(".length(), body.length() - 1);
        }
        List<Part> parts = new ArrayList<>();
        for (String p : body.split(",(?![^(]*\\))")) {
            String t = p.strip();
            if (t.isEmpty()) {
                throw PrevalenceException.invalidArgument("blocking rule '" + spec + "'", "blocking rule '%s' has an empty key", spec);
            }
            int open = t.indexOf('(');
            if (open < 0) {
                parts.add(new Part(KeyFunction.EXACT, t));
            } else {
                if (!t.endsWith(")") || open == 0) {
                    throw PrevalenceException.invalidArgument("blocking rule '" + spec + "'",
                            "blocking rule '%s': write each key as field or function(field)", spec);
                }
                parts.add(new Part(KeyFunction.parse(t.substring(0, open)), t.substring(open + 1, t.length() - 1).strip()));
            }
        }
        return new BlockingRule(parts, unordered);
    }

    /** @return the fields this rule uses */
    public List<String> fields() {
        return parts.stream().map(Part::field).distinct().collect(Collectors.toList());
    }

    /** @return the rule as written, for example {@code soundex(surname), year(dob)} */
    @Override
    public String toString() {
        String keys = parts.stream().map(Part::toString).collect(Collectors.joining(", "));
        return unordered ? "unordered(" + keys + ")" : keys;
    }
}
