package org.prevalence.regional;

import org.prevalence.core.PrevalenceException;
import org.prevalence.mse.Chapman;
import org.prevalence.mse.LincolnPetersen;

/**
 * The two-source (capture-recapture) estimators of a stratum's number of cases. With
 * \( n_1, n_2 \) the cases found by source 1 and 2 and \( m \) those found by both:
 */
public enum TwoSourceEstimator implements StratumEstimator {
    /**
     * Chapman (1951), the ILO's default; Seber's (1970) variance:
     * \( \hat N = \frac{(n_1+1)(n_2+1)}{m+1} - 1 \),
     * \( \widehat{\mathrm{var}} = \frac{(n_1+1)(n_2+1)(n_1-m)(n_2-m)}{(m+1)^2(m+2)} \).
     * Computed by {@code org.prevalence.mse.Chapman} (same formulas as {@code Rcapture::closedp.bc}).
     */
    CHAPMAN {
        @Override
        public double estimate(long[] c) {
            return chapman(c).getEstimate();
        }

        @Override
        public double variance(long[] c) {
            return chapman(c).getVariance();
        }

        private Chapman.Result chapman(long[] c) {
            long[] n = counts(c);
            return Chapman.withDefaults().estimate(n[0], n[1], n[2]);
        }

        @Override
        public String toString() {
            return "chapman";
        }
    },
    /**
     * Lincoln-Petersen: \( \hat N = n_1 n_2 / m \),
     * \( \widehat{\mathrm{var}} = \frac{n_1 n_2 (n_1 - m)(n_2 - m)}{m^3} \); not estimable when \( m = 0 \).
     * Computed by {@code org.prevalence.mse.LincolnPetersen}.
     */
    LINCOLN_PETERSEN {
        @Override
        public double estimate(long[] c) {
            return lincolnPetersen(c).getEstimate();
        }

        @Override
        public double variance(long[] c) {
            return lincolnPetersen(c).getVariance();
        }

        private LincolnPetersen.Result lincolnPetersen(long[] c) {
            long[] n = counts(c);
            if (n[2] == 0) {
                // Regional rule (see counts): refused here, before mse.LincolnPetersen would say it differently.
                throw PrevalenceException.notEstimable("overlap", "No case is on both sources; Lincoln-Petersen needs m > 0");
            }
            return LincolnPetersen.withDefaults().estimate(n[0], n[1], n[2]);
        }

        @Override
        public String toString() {
            return "lincoln-petersen";
        }
    };

    /**
     * The one place where the regional estimators differ from {@code org.prevalence.mse}: the figures are
     * the mse estimators', but a stratum where a source found nothing (and, for Lincoln-Petersen, one with
     * no overlap) is NOT_ESTIMABLE (field {@code sources} / {@code overlap}), a stratum the pipeline can
     * leave out or pool, where mse reports INVALID_DATA for an empty list.
     * @return {n1, n2, m}; throws if a source found nothing
     */
    static long[] counts(long[] c) {
        if (c.length != 4) {
            throw PrevalenceException.invalidArgument("sources",
                    "A two-source estimator needs exactly 2 sources (4 capture histories), got %d histories; "
                            + "with more sources plug in an MSE model with StratumEstimator.of", c.length);
        }
        long n1 = c[1] + c[3];
        long n2 = c[2] + c[3];
        if (n1 == 0 || n2 == 0) {
            throw PrevalenceException.notEstimable("sources", "A source found no case (n1=%d, n2=%d)", n1, n2);
        }
        return new long[] {n1, n2, c[3]};
    }
}
