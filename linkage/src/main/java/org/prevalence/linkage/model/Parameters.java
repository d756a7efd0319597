package org.prevalence.linkage.model;

import java.util.List;
import java.util.Locale;

/**
 * A fitted Fellegi-Sunter model: per field and level {@code m}, {@code u} and the match weight
 * {@code log2(m/u)}; the prior probability {@code lambda} that two records drawn at random match; and,
 * per blocking rule, the EM fit that gave the m of the fields the rule does not use.
 *
 * <p>This class is immutable.
 */
public final class Parameters {
    /** One row of the parameters table.
     * @param field the field
     * @param level the level name
     * @param m P(level | match)
     * @param u P(level | non-match)
     * @param weight log2(m / u) */
    public record Row(String field, String level, double m, double u, double weight) {
    }

    /** The EM fit of one blocking rule.
     * @param rule the rule as written
     * @param pairs its candidate pairs
     * @param lambda the estimated share of matches among them
     * @param iterations EM iterations to convergence
     * @param fields the fields whose m this rule estimated */
    public record RuleFit(String rule, long pairs, double lambda, int iterations, List<String> fields) {
    }

    private final List<String> fields;
    private final List<List<String>> levelNames;
    private final double[][] m;
    private final double[][] u;
    private final double[][] w;
    private final double lambda;
    private final List<RuleFit> fits;
    private final long randomPairs;

    Parameters(List<String> fields, List<List<String>> levelNames, double[][] m, double[][] u, double lambda,
               List<RuleFit> fits, long randomPairs) {
        this.fields = List.copyOf(fields);
        this.levelNames = List.copyOf(levelNames);
        this.m = m;
        this.u = u;
        this.lambda = lambda;
        this.fits = List.copyOf(fits);
        this.randomPairs = randomPairs;
        this.w = new double[m.length][];
        for (int f = 0; f < m.length; f++) {
            w[f] = new double[m[f].length];
            for (int l = 0; l < m[f].length; l++) {
                w[f][l] = Math.log(m[f][l] / u[f][l]) / Math.log(2);
            }
        }
    }

    /** @return the fields, in order */
    public List<String> fields() {
        return fields;
    }

    /**
     * @param f a field index
     * @return m of each level
     */
    public double[] m(int f) {
        return m[f].clone();
    }

    /**
     * @param f a field index
     * @return u of each level
     */
    public double[] u(int f) {
        return u[f].clone();
    }

    /** @return the prior probability that two records drawn at random match */
    public double lambda() {
        return lambda;
    }

    /** @return the per-rule EM fits */
    public List<RuleFit> ruleFits() {
        return fits;
    }

    /**
     * The match weight of a pattern (Fellegi and Sunter 1969): \( \sum_f \log_2 (m_{f,l_f} / u_{f,l_f}) \).
     * @param levels the level of each field
     * @return the weight, in bits
     */
    public double weight(int[] levels) {
        double s = 0;
        for (int f = 0; f < levels.length; f++) {
            s += w[f][levels[f]];
        }
        return s;
    }

    /**
     * The match probability of a pattern: \( \lambda 2^W / (\lambda 2^W + 1 - \lambda) \).
     * @param levels the level of each field
     * @return the probability
     */
    public double probability(int[] levels) {
        return probabilityOfWeight(weight(levels));
    }

    /**
     * @param weight a match weight
     * @return its probability under the prior lambda
     */
    public double probabilityOfWeight(double weight) {
        double logOdds = weight * Math.log(2) + Math.log(lambda / (1 - lambda));
        return 1 / (1 + Math.exp(-logOdds));
    }

    /**
     * The two error rates of the rule "link a pair whose match probability is at least t" under the fitted
     * model (Fellegi and Sunter 1969, section 3: the rule's \( \lambda = P(A_3 \mid M) \) and
     * \( \mu = P(A_1 \mid U) \), estimated from the fitted m and u with the fields conditionally
     * independent):
     * <p>\[ \mathrm{FNR} = \sum_\gamma \prod_f m_{f,\gamma_f}\,[\pi(\gamma) &lt; t], \quad
     * \mathrm{FPR} = \sum_\gamma \prod_f u^*_{f,\gamma_f}\,[\pi(\gamma) \ge t] \]
     * <p>over all agreement patterns \( \gamma \), with \( \pi(\gamma) \) the pattern's match probability
     * and \( u^* = (u - \lambda m) / (1 - \lambda) \) (floored at \( 1/(2R) \), renormalised) the non-matches'
     * level shares, since the random pairs u came from hold a share \( \lambda \) of matches (the mixture
     * identity \( c / R = \lambda m + (1 - \lambda) u^* \); with u taken as it is, the FPR counted those
     * matches as false links: 1.65 expected false links a generated world against 0.4 found).
     * Unlike a sum of the candidate pairs' probabilities, the FNR counts the matches whose pattern makes them
     * look like non-matches (a match scored 0.1 adds 0.1 to such a sum, but is a missed link). Exact, by
     * enumeration of the patterns with branch and bound on the weight.
     *
     * @param threshold the link threshold t, in (0, 1)
     * @return {FNR, FPR}
     */
    public double[] errorRates(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw org.prevalence.core.PrevalenceException.invalidArgument("threshold", "the threshold must be in (0, 1), got %s",
                    threshold);
        }
        // pi(gamma) >= t  <=>  W(gamma) >= log2(t / (1 - t) * (1 - lambda) / lambda)
        double cut = Math.log(threshold / (1 - threshold) * (1 - lambda) / lambda) / Math.log(2);
        int nf = w.length;
        double[] maxRest = new double[nf + 1];
        double[] minRest = new double[nf + 1];
        for (int f = nf - 1; f >= 0; f--) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (double x : w[f]) {
                hi = Math.max(hi, x);
                lo = Math.min(lo, x);
            }
            maxRest[f] = maxRest[f + 1] + hi;
            minRest[f] = minRest[f + 1] + lo;
        }
        // u came from random pairs, a share lambda of which are matches: c/R = lambda m + (1 - lambda) u*, so the
        // non-matches' own level shares are u* = (u - lambda m) / (1 - lambda) (floored at the smoothing 1/(2R));
        // the rule (the weights) stays the one applied, only its false-match mass is counted with u*
        double floor = 0.5 / Math.max(1, randomPairs);
        double[][] uStar = new double[nf][];
        for (int f = 0; f < nf; f++) {
            uStar[f] = new double[u[f].length];
            double sum = 0;
            for (int l = 0; l < u[f].length; l++) {
                uStar[f][l] = Math.max(floor, (u[f][l] - lambda * m[f][l]) / (1 - lambda));
                sum += uStar[f][l];
            }
            for (int l = 0; l < u[f].length; l++) {
                uStar[f][l] /= sum;
            }
        }
        double[] out = new double[2];
        rates(0, 0, 1, 1, cut, maxRest, minRest, uStar, out);
        return out;
    }

    /** Adds the m mass of the unlinked and the u mass of the linked completions of a partial pattern. */
    private void rates(int f, double weight, double mMass, double uMass, double cut, double[] maxRest, double[] minRest,
                       double[][] uStar, double[] out) {
        if (weight + maxRest[f] < cut) {
            out[0] += mMass;   // every completion is unlinked
            return;
        }
        if (weight + minRest[f] >= cut) {
            out[1] += uMass;   // every completion is linked
            return;
        }
        for (int l = 0; l < w[f].length; l++) {
            rates(f + 1, weight + w[f][l], mMass * m[f][l], uMass * uStar[f][l], cut, maxRest, minRest, uStar, out);
        }
    }

    /** @return one row per field and level */
    public List<Row> rows() {
        java.util.ArrayList<Row> out = new java.util.ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            for (int l = 0; l < m[f].length; l++) {
                out.add(new Row(fields.get(f), levelNames.get(f).get(l), m[f][l], u[f][l], w[f][l]));
            }
        }
        return List.copyOf(out);
    }

    /** @return the parameters as an aligned text table, then lambda and the rule fits */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %-10s %10s %10s %8s%n", "field", "level", "m", "u", "weight"));
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "%-14s %-10s %10.6f %10.6f %8.3f%n", r.field(), r.level(), r.m(), r.u(), r.weight()));
        }
        sb.append(String.format(Locale.ROOT, "lambda (prior match probability of two random records) %.3e; u from %d random pairs%n",
                lambda, randomPairs));
        for (RuleFit f : fits) {
            sb.append(String.format(Locale.ROOT, "rule '%s': %d pairs, lambda %.6f, %d EM iterations, m of %s%n",
                    f.rule(), f.pairs(), f.lambda(), f.iterations(), f.fields()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Parameters[%d fields, lambda %.3e, %d rule fits]", fields.size(), lambda, fits.size());
    }
}
