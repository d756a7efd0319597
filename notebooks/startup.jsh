// Prevalence JShell start-up: the main packages imported, and a check helper for notebooks.
import org.prevalence.core.*;
import org.prevalence.core.lists.*;
import org.prevalence.core.io.*;
import org.prevalence.datasets.*;
import tech.tablesaw.api.*;

/** Stops the notebook with exit status 1 unless |actual - expected| <= relTol * |expected|. */
void check(String what, double expected, double actual, double relTol) {
    double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    if (!(rel <= relTol)) {
        System.out.printf("MISMATCH %s: expected %.10g, got %.10g (relative error %.2g > %.2g)%n", what, expected, actual, rel, relTol);
        System.exit(1);
    }
    System.out.printf("ok %s = %s (expected %s, tolerance %.0e)%n", what, Format.number(actual), Format.number(expected), relTol);
}
