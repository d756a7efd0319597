// Prevalence JShell start-up: the packages the README's Java snippets use, imported (so that every snippet
// there runs as written; ReadmeJavaSnippetsTest checks it), and a check helper for notebooks.
import org.prevalence.core.*;
import org.prevalence.core.lists.*;
import org.prevalence.core.io.*;
import org.prevalence.core.bootstrap.*;
import org.prevalence.core.survey.*;
import org.prevalence.mse.*;
import org.prevalence.mse.closed.*;
import org.prevalence.mse.bayes.*;
import org.prevalence.survey.*;
import org.prevalence.regional.*;
import org.prevalence.datasets.*;
import org.prevalence.datasets.world.*;
import tech.tablesaw.api.*;

/**
 * Checks |actual - expected| <= relTol * |expected|; on a mismatch prints a MISMATCH line and throws, and
 * bin/prevalence-jshell --run then exits 1. (System.exit would only restart JShell's engine.)
 */
void check(String what, double expected, double actual, double relTol) {
    double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(rel <= relTol)) {
        String msg = String.format("MISMATCH %s: expected %.10g, got %.10g (relative error %.2g > %.2g)", what, expected, actual, rel, relTol);
        System.out.println(msg);
        throw new AssertionError(msg);
    }
    System.out.printf("ok %s = %s (expected %s, tolerance %.0e)%n", what, Format.number(actual), Format.number(expected), relTol);
}
