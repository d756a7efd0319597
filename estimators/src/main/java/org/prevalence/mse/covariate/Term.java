package org.prevalence.mse.covariate;

import java.util.List;

/**
 * A model term: a main effect (one variable) or a first-order interaction (two variables), named as
 * in R's formulas ({@code R1}, {@code R1:X2}). Variables are indices into a {@link CovariateTable}'s
 * {@linkplain CovariateTable#variables() variables} (lists first, then covariates).
 *
 * @param first the first variable (the lower index)
 * @param second the second variable, or -1 for a main effect
 */
record Term(int first, int second) implements Comparable<Term> {
    static Term main(int v) {
        return new Term(v, -1);
    }

    static Term pair(int a, int b) {
        return new Term(Math.min(a, b), Math.max(a, b));
    }

    boolean isPair() {
        return second >= 0;
    }

    String name(List<String> variables) {
        return isPair() ? variables.get(first) + ":" + variables.get(second) : variables.get(first);
    }

    @Override
    public int compareTo(Term o) {
        int c = Integer.compare(isPair() ? 1 : 0, o.isPair() ? 1 : 0);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(first, o.first);
        return c != 0 ? c : Integer.compare(second, o.second);
    }
}
