package org.prevalence.network.rds;

/** The RDS estimators of a population mean or proportion, as R's {@code RDS} package names them. */
public enum RdsMethod {
    /**
     * RDS-I (Salganik and Heckathorn 2004): the stationary distribution \( \pi \) of the Markov chain
     * fitted to the recruitment matrix, divided by each group's harmonic mean degree \( h_g \):
     * \( \hat p_g = (\pi_g / h_g) / \sum_k \pi_k / h_k \). {@code RDS::RDS.I.estimates}.
     */
    RDS_I("RDS-I"),
    /**
     * Data-smoothed RDS-I (Heckathorn 2007): the recruitment counts are replaced by the symmetrized
     * \( (t \pi_a P_{ab} + t \pi_b P_{ba}) / 2 \) before the chain is fitted again.
     * {@code RDS::RDS.I.estimates(smoothed = TRUE)}.
     */
    RDS_I_SMOOTHED("RDS-I (DS)"),
    /**
     * RDS-II (Volz and Heckathorn 2008): the Hajek mean with weights \( 1/d_i \), \( d_i \) the reported
     * degree. {@code RDS::RDS.II.estimates}.
     */
    RDS_II("RDS-II"),
    /**
     * Gile's (2011) successive-sampling estimator: weights are the inverse inclusion probabilities of
     * sampling without replacement with probability proportional to degree from a population of known
     * size N, found by iterating simulation and re-estimation of the degree distribution.
     * {@code RDS::RDS.SS.estimates}.
     */
    SS("Gile's SS");

    private final String label;

    RdsMethod(String label) {
        this.label = label;
    }

    /** @return the name R's {@code RDS} gives the estimator ({@code weight.type}) */
    public String label() {
        return label;
    }
}
