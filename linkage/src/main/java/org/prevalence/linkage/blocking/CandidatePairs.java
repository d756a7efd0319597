package org.prevalence.linkage.blocking;

import java.util.List;
import java.util.Locale;

/**
 * The union of the pairs the blocking rules produced, in ascending order of (left, right) with
 * {@code left < right}, each with the set of rules that produced it (bit {@code r} of
 * {@link #rules(int)} for rule {@code r}), and each rule's own pair count.
 *
 * <p>This class is immutable.
 */
public final class CandidatePairs {
    /** A rule and the pairs it produced (before the union).
     * @param rule the rule as written
     * @param pairs its pair count */
    public record RuleCount(String rule, long pairs) {
    }

    private final long[] codes;
    private final int[] rules;
    private final List<RuleCount> counts;

    CandidatePairs(long[] codes, int[] rules, List<RuleCount> counts) {
        this.codes = codes;
        this.rules = rules;
        this.counts = List.copyOf(counts);
    }

    /** @return the number of distinct pairs */
    public int size() {
        return codes.length;
    }

    /**
     * @param p a pair index
     * @return its first record
     */
    public int left(int p) {
        return (int) (codes[p] >>> 32);
    }

    /**
     * @param p a pair index
     * @return its second record
     */
    public int right(int p) {
        return (int) codes[p];
    }

    /**
     * @param p a pair index
     * @return the bit set of rules that produced it
     */
    public int rules(int p) {
        return rules[p];
    }

    /** @return each rule's pair count, in rule order */
    public List<RuleCount> ruleCounts() {
        return counts;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CandidatePairs[%d pairs", codes.length));
        for (RuleCount c : counts) {
            sb.append("; ").append(c.rule()).append(": ").append(c.pairs());
        }
        return sb.append(']').toString();
    }
}
