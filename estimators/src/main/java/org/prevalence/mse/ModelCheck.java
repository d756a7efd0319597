package org.prevalence.mse;

import java.util.List;

/**
 * The existence and identifiability check of a log-linear model on a table (SparseMSE's
 * {@code checkident}, MultipleSystemsEstimation's {@code check_extended_MLE}), from
 * {@link LogLinearMse#check}. Codes: 0 fine, 1 the MLE does not exist (Fienberg-Rinaldo linear
 * program), 2 not identifiable (design rank on the cells that can be non-zero), 3 both.
 * This class is immutable.
 */
public final class ModelCheck {
    private final int code;
    private final String message;
    private final List<String> aliasedTerms;
    private final List<String> zeroCells;
    private final List<String> emptyTerms;

    ModelCheck(int code, String message, List<String> aliasedTerms, List<String> zeroCells, List<String> emptyTerms) {
        this.code = code;
        this.message = message;
        this.aliasedTerms = List.copyOf(aliasedTerms);
        this.zeroCells = List.copyOf(zeroCells);
        this.emptyTerms = List.copyOf(emptyTerms);
    }

    /** @return SparseMSE's code: 0, 1, 2 or 3 */
    public int getCode() {
        return code;
    }

    /** @return whether the model can be fitted (code 0) */
    public boolean isOk() {
        return code == 0;
    }

    /** @return a message naming the terms and cells at fault, or "ok" */
    public String getMessage() {
        return message;
    }

    /** @return terms that cannot be estimated (aliased), empty if identifiable */
    public List<String> getAliasedTerms() {
        return aliasedTerms;
    }

    /** @return the fitted cells with no observed case (0/1 patterns, list 1 first) */
    public List<String> getZeroCells() {
        return zeroCells;
    }

    /** @return model terms with an empty overlap (extended MLE: parameter minus infinity, cells left out) */
    public List<String> getEmptyTerms() {
        return emptyTerms;
    }

    @Override
    public String toString() {
        return "ModelCheck[code " + code + ": " + message + "]";
    }
}
