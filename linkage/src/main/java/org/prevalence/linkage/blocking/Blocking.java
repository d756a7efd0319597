package org.prevalence.linkage.blocking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.standardise.StandardRecords;

/**
 * The union of blocking rules, within and across lists. For each rule the records are grouped by
 * their key (records missing any key of the rule are in no block); a block of {@code b} records
 * gives {@code b(b-1)/2} pairs. Every rule's count is computed before pairs are made, and a rule
 * whose count exceeds the cap is an error naming the rule and its count.
 *
 * <p>This class is immutable.
 */
public final class Blocking {
    /** The default cap on one rule's pairs: 50 million. */
    public static final long DEFAULT_CAP = 50_000_000L;
    /** The largest cap: a rule's pairs are held in one array. */
    public static final long MAX_CAP = 2_000_000_000L;
    private static final Blocking DEFAULT = new Blocking(List.of(), DEFAULT_CAP);
    private final List<BlockingRule> rules;
    private final long cap;

    private Blocking(List<BlockingRule> rules, long cap) {
        this.rules = rules;
        this.cap = cap;
    }

    /** @return no rules (add them with {@link #with}) and the cap {@link #DEFAULT_CAP} */
    public static Blocking withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v a rule
     * @return this blocking plus that rule (at most 30 rules)
     */
    public Blocking with(BlockingRule v) {
        List<BlockingRule> out = new ArrayList<>(rules);
        out.add(Objects.requireNonNull(v, "rule"));
        if (out.size() > 30) {
            throw PrevalenceException.invalidArgument("blocking", "at most 30 blocking rules");
        }
        return new Blocking(List.copyOf(out), cap);
    }

    /**
     * @param v a rule as text, see {@link BlockingRule#parse}
     * @return this blocking plus that rule
     */
    public Blocking with(String v) {
        return with(BlockingRule.parse(v));
    }

    /**
     * @param v the largest number of pairs one rule may produce, 1 to {@link #MAX_CAP}
     * @return a blocking with that cap
     */
    public Blocking withCap(long v) {
        if (v < 1 || v > MAX_CAP) {
            throw PrevalenceException.invalidArgument("cap", "the pair cap must be between 1 and %d, got %d", MAX_CAP, v);
        }
        return new Blocking(rules, v);
    }

    /** @return the rules */
    public List<BlockingRule> rules() {
        return rules;
    }

    /** @return the cap */
    public long cap() {
        return cap;
    }

    /**
     * Counts each rule's pairs (without making them).
     * @param r the standardised records
     * @return each rule's count
     * @throws PrevalenceException if a rule names an unknown field
     */
    public List<CandidatePairs.RuleCount> count(StandardRecords r) {
        List<CandidatePairs.RuleCount> out = new ArrayList<>();
        for (BlockingRule rule : checked(r)) {
            out.add(new CandidatePairs.RuleCount(rule.toString(), pairCount(blocks(r, rule))));
        }
        return out;
    }

    /**
     * Makes the candidate pairs.
     * @param r the standardised records
     * @return the union of the rules' pairs
     * @throws PrevalenceException if there is no rule, a rule names an unknown field, or a rule
     *     would produce more pairs than the cap
     */
    public CandidatePairs pairs(StandardRecords r) {
        List<BlockingRule> rs = checked(r);
        List<int[][]> allBlocks = new ArrayList<>();
        List<CandidatePairs.RuleCount> counts = new ArrayList<>();
        for (BlockingRule rule : rs) {
            int[][] b = blocks(r, rule);
            long c = pairCount(b);
            counts.add(new CandidatePairs.RuleCount(rule.toString(), c));
            allBlocks.add(b);
        }
        for (CandidatePairs.RuleCount c : counts) {
            if (c.pairs() > cap) {
                throw new PrevalenceException(PrevalenceException.Kind.INVALID_ARGUMENT, "blocking rule '" + c.rule() + "'",
                        String.format(java.util.Locale.ROOT, "blocking rule '%s' would produce %d pairs, more than the cap of %d",
                                c.rule(), c.pairs(), cap),
                        new PrevalenceException.Remedy("make the rule stricter (add a key) or raise Blocking.withCap(...)",
                                "make the rule stricter (add a key) or raise --max-pairs"));
            }
        }
        long[][] perRule = new long[rs.size()][];
        for (int k = 0; k < rs.size(); k++) {
            long[] codes = new long[(int) counts.get(k).pairs()];
            int q = 0;
            for (int[] block : allBlocks.get(k)) {
                for (int a = 0; a < block.length; a++) {
                    for (int b = a + 1; b < block.length; b++) {
                        codes[q++] = (long) block[a] << 32 | block[b];
                    }
                }
            }
            Arrays.sort(codes);
            perRule[k] = codes;
        }
        // merge the sorted per-rule arrays, or-ing the rule bits of equal pairs
        long total = 0;
        for (long[] c : perRule) {
            total += c.length;
        }
        long[] merged = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int[] bits = new int[merged.length];
        int[] pos = new int[perRule.length];
        int m = 0;
        while (true) {
            long min = Long.MAX_VALUE;
            for (int k = 0; k < perRule.length; k++) {
                if (pos[k] < perRule[k].length && perRule[k][pos[k]] < min) {
                    min = perRule[k][pos[k]];
                }
            }
            if (min == Long.MAX_VALUE) {
                break;
            }
            int mask = 0;
            for (int k = 0; k < perRule.length; k++) {
                if (pos[k] < perRule[k].length && perRule[k][pos[k]] == min) {
                    mask |= 1 << k;
                    pos[k]++;
                }
            }
            merged[m] = min;
            bits[m++] = mask;
        }
        return new CandidatePairs(Arrays.copyOf(merged, m), Arrays.copyOf(bits, m), counts);
    }

    private List<BlockingRule> checked(StandardRecords r) {
        if (rules.isEmpty()) {
            throw PrevalenceException.invalidArgument("blocking", "no blocking rule; give at least one (for example 'dob')");
        }
        FieldMapping mapping = r.records().mapping();
        for (BlockingRule rule : rules) {
            for (BlockingRule.Part p : rule.parts()) {
                try {
                    mapping.indexOf(p.field());
                } catch (PrevalenceException e) {
                    throw PrevalenceException.invalidArgument("blocking rule '" + rule + "'",
                            "blocking rule '%s' names %s", rule, e.getMessage());
                }
            }
        }
        return rules;
    }

    private static long pairCount(int[][] blocks) {
        long c = 0;
        for (int[] b : blocks) {
            c += (long) b.length * (b.length - 1) / 2;
        }
        return c;
    }

    /** The blocks of a rule with at least two records, each in ascending record order, in order of first record. */
    static int[][] blocks(StandardRecords r, BlockingRule rule) {
        FieldMapping mapping = r.records().mapping();
        int np = rule.parts().size();
        int[] fields = new int[np];
        for (int k = 0; k < np; k++) {
            fields[k] = mapping.indexOf(rule.parts().get(k).field());
        }
        Map<String, String>[] caches = newCaches(np);
        Map<String, Integer> ids = new HashMap<>();
        int n = r.size();
        int[] blockOf = new int[n];
        List<Integer> sizes = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        String[] keys = new String[np];
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            boolean ok = true;
            for (int k = 0; k < np && ok; k++) {
                BlockingRule.Part p = rule.parts().get(k);
                int fi = fields[k];
                int ii = i;
                String v = r.text(fi, i);
                String key = v == null ? null : caches[k].computeIfAbsent(v, x -> {
                    String kk = p.function().key(r, fi, ii);
                    return kk == null ? "\u0000" : kk;
                });
                if (key == null || key.equals("\u0000")) {
                    ok = false;
                } else {
                    keys[k] = key;
                }
            }
            if (!ok) {
                blockOf[i] = -1;
                continue;
            }
            if (rule.unordered()) {
                Arrays.sort(keys);
            }
            for (String key : keys) {
                sb.append(key).append('\u0001');
            }
            Integer id = ids.putIfAbsent(sb.toString(), ids.size());
            int b = id == null ? ids.size() - 1 : id;
            if (b == sizes.size()) {
                sizes.add(0);
            }
            sizes.set(b, sizes.get(b) + 1);
            blockOf[i] = b;
        }
        int[][] members = new int[sizes.size()][];
        for (int b = 0; b < members.length; b++) {
            members[b] = new int[sizes.get(b)];
        }
        int[] fill = new int[members.length];
        for (int i = 0; i < n; i++) {
            if (blockOf[i] >= 0) {
                members[blockOf[i]][fill[blockOf[i]]++] = i;
            }
        }
        return Arrays.stream(members).filter(b -> b.length > 1).toArray(int[][]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newCaches(int n) {
        Map<String, String>[] m = new Map[n];
        for (int k = 0; k < n; k++) {
            m[k] = new HashMap<>();
        }
        return m;
    }

    @Override
    public String toString() {
        return "Blocking[" + rules.stream().map(x -> "'" + x + "'").reduce((a, b) -> a + " or " + b).orElse("no rules")
                + ", cap " + cap + " pairs per rule]";
    }
}
