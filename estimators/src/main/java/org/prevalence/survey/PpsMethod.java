package org.prevalence.survey;

/**
 * How a PPS-without-replacement design approximates (or is given) the joint inclusion probabilities
 * \( \pi_{ij} \) of its PSUs; R's {@code svydesign(pps = ...)}. Each gives the matrix
 * \( \check\Delta_{ij} = 1 - \pi_i \pi_j / \pi_{ij} \) of the Horvitz-Thompson variance
 * \( \hat V = \sum_{i,j} \check\Delta_{ij} \check t_i \check t_j \), \( \check t_i \) the PSU totals of the
 * weighted (linearized) values, \( n \) the PSUs of the stratum.
 */
public enum PpsMethod {
    /**
     * Brewer's approximation (R {@code pps = "brewer"}):
     * \( \hat V = \frac{n}{n-1} \sum_i (1 - \pi_i)(\check t_i - \bar t)^2 \) in each stratum.
     */
    BREWER,
    /**
     * Overton's approximation (R {@code pps = "overton"}):
     * \( \check\Delta_{ij} = 1 - (n - (\pi_i + \pi_j)/2)/(n - 1) \) for \( i \ne j \), \( 1 - \pi_i \) on the diagonal.
     */
    OVERTON,
    /**
     * Hartley and Rao's approximation (R {@code pps = HR(psum)} or {@code HR()}):
     * \( \check\Delta_{ij} = 1 - (n - \pi_i - \pi_j + \bar p_2)/(n - 1) \) for \( i \ne j \) (0 when
     * \( \pi_i + \pi_j = 1 \)), \( 1 - \pi_i \) on the diagonal, \( \bar p_2 = \sum_{U} \pi_k^2 / n \) given, or
     * estimated by the stratum's mean sampled \( \pi_i \).
     */
    HARTLEY_RAO,
    /**
     * Exact joint inclusion probabilities supplied as a PSU x PSU matrix (R {@code pps = ppsmat(jointprob)}):
     * \( \check\Delta_{ij} = (\pi_{ij} - \pi_{ii}\pi_{jj})/\pi_{ij} \), set to 0 where its size is below a tolerance.
     */
    JOINT_PROBABILITIES
}
