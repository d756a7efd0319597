package org.prevalence.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Tolerance;

/** Closed forms for the Poisson IRLS. */
class PoissonRegressionTest {

    /** One group indicator: the MLE is log of each group's mean (closed form); 1e-9 relative. */
    @Test
    void twoGroupsClosedForm() {
        double[][] x = {{1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
        double[] y = {2, 4, 10, 7, 13};
        PoissonRegression.Fit f = PoissonRegression.withDefaults().fit(x, y, new String[] {"(Intercept)", "g"});
        Tolerance.assertRelative(Math.log(3), f.getCoefficient("(Intercept)"), 1e-9, "log mean group 0");
        Tolerance.assertRelative(Math.log(10.0 / 3), f.getCoefficient("g"), 1e-9, "log ratio");
        // var(log mean) = 1 / (group total): se^2(b0) = 1/6; se^2(b1) = 1/6 + 1/30. As R, the covariance
        // uses the weights of the last IRLS step (one step before the final fit), so 1e-5, not 1e-9
        Tolerance.assertRelative(Math.sqrt(1.0 / 6), f.getStandardError("(Intercept)"), 1e-5, "se b0");
        Tolerance.assertRelative(Math.sqrt(1.0 / 6 + 1.0 / 30), f.getStandardError("g"), 1e-5, "se b1");
        double dev = 2 * (2 * Math.log(2 / 3.0) + 4 * Math.log(4 / 3.0) + 10 * Math.log(1.0) + 7 * Math.log(0.7)
                + 13 * Math.log(1.3));
        Tolerance.assertRelative(dev, f.getDeviance(), 1e-9, "deviance");
        assertEquals(3, f.getResidualDf());
    }

    @Test
    void offsetsAndWeights() {
        // rate model with exposure offsets: a single rate = sum(y) / sum(exposure)
        double[] x = {1, 1, 1};
        double[] y = {3, 9, 0};
        double[] exposure = {1, 4, 2};
        double[] off = {Math.log(1), Math.log(4), Math.log(2)};
        PoissonRegression.Fit f = PoissonRegression.withDefaults().fit(x, 3, 1, new String[] {"rate"}, y, off, null, null);
        Tolerance.assertRelative(Math.log(12.0 / 7), f.getCoefficient("rate"), 1e-9, "rate");
        // prior weight 0 removes a row; weight 2 doubles it
        PoissonRegression.Fit w = PoissonRegression.withDefaults().fit(x, 3, 1, new String[] {"m"}, y, null,
                new double[] {2, 1, 0}, null);
        Tolerance.assertRelative(Math.log(15.0 / 3), w.getCoefficient("m"), 1e-9, "weighted mean");
        assertEquals(1, w.getResidualDf());
        assertEquals(3, exposure.length);
    }

    @Test
    void aliasedColumnIsReportedByName() {
        double[][] x = {{1, 1, 0, 1}, {1, 0, 1, 1}, {1, 1, 0, 1}, {1, 0, 1, 1}};
        PoissonRegression.Fit f = PoissonRegression.withDefaults().fit(x, new double[] {3, 5, 4, 6},
                new String[] {"(Intercept)", "a", "b", "dup"});
        assertEquals(List.of("b", "dup"), f.getAliased());
        assertEquals(2, f.getRank());
        assertTrue(Double.isNaN(f.getCoefficient("dup")));
    }

    @Test
    void divergenceIsReportedWithTheIteration() {
        // a zero cell that an indicator isolates: the coefficient runs to -infinity
        double[][] x = {{1, 1}, {1, 0}, {1, 0}};
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> PoissonRegression.withDefaults().withMaxIterations(5).fit(x, new double[] {0, 4, 6},
                        new String[] {"(Intercept)", "z"}));
        assertEquals(PrevalenceException.Kind.NOT_CONVERGED, e.what());
        assertEquals("iteration 5", e.where());
        // with R's 25 iterations the fit "converges" on the boundary and reports the zero fitted value
        PoissonRegression.Fit f = PoissonRegression.withDefaults().fit(x, new double[] {0, 4, 6},
                new String[] {"(Intercept)", "z"});
        assertTrue(f.getFitted()[0] < 1e-8, "fitted value going to 0: " + f.getFitted()[0]);
    }

    @Test
    void badInputIsRejected() {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> PoissonRegression.withDefaults().fit(new double[][] {{1}, {1}}, new double[] {1, -2},
                        new String[] {"m"}));
        assertEquals("row 2", e.where());
    }
}
