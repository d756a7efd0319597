package org.prevalence.survey;

/**
 * The one variance engine a {@link SurveyDesign} holds (package-private): Taylor linearization
 * ({@link LinearizationVariance}, R's {@code svyrecvar}) for a design made from a sample, replicate
 * weights ({@link ReplicateVariance}, R's {@code svrVar}) for a design made by {@link ReplicateDesign}.
 * Estimators hand it their linearized pass ({@link Linear.Linearized}) and ask it for variances and
 * degrees of freedom; none of them branches on the kind of design.
 */
interface VarianceEngine {
    /**
     * @return {@code "linearization"}, or the replicate method, e.g. {@code "jkn"}, {@code "fay:0.5"},
     *     {@code "bootstrap"}
     */
    String method();

    /**
     * @return the design's degrees of freedom: PSUs minus strata (R's {@code degf}), or the rank of the
     *     replicate weights minus 1 ({@code degf.svyrep.design})
     */
    int degreesOfFreedom();

    /**
     * @param pass a linear estimator's pass over the rows, one statistic per domain
     * @return the variance of each domain's statistic
     */
    double[] variances(Linear.Linearized pass);

    /**
     * Degrees of freedom of a linear estimator per domain: linearization counts the PSUs and strata with
     * rows of the domain (R's {@code degf} of the subset design); replicates keep the design's.
     * @param pass the linearized pass (its domains and the PSUs each one touches)
     * @param df filled with one value per domain
     */
    void degreesOfFreedom(Linear.Linearized pass, int[] df);

    /**
     * Degrees of freedom of an interval evaluated on the subset design of each domain, as R's
     * {@code svyciprop}: replicates use the rank of the domain rows' replicate weights minus 1;
     * linearization keeps the values given.
     * @param dom the domains
     * @param df the linear estimator's degrees of freedom, replaced where the engine has its own
     */
    void subsetDegreesOfFreedom(Domain.Codes dom, int[] df);

    /**
     * The number of rows of a domain's subset design (R's {@code nrow(design[domain, ])}), used by the
     * Clopper-Pearson (beta) interval's effective sample size.
     * @param domainRows the domain's rows (with a value or dropped as missing)
     * @return that count; R subsets a calibrated linearization design by giving the other rows infinite
     *     probabilities ({@code "[.survey.design2"}), so such a domain keeps every row of the design
     */
    long subsetRows(long domainRows);
}
