/**
 * Respondent-driven sampling (RDS), matching R's {@code RDS} package (Handcock, Gile, Fellows): the data
 * model {@link org.prevalence.network.rds.RdsSample} (recruitment trees, waves, recruitment matrix; read
 * from a table by {@link org.prevalence.network.rds.RdsTable}), the estimators of a population mean or
 * proportion in {@link org.prevalence.network.rds.RdsEstimator} (RDS-I and its data-smoothed form, RDS-II,
 * Gile's successive-sampling estimator; {@link org.prevalence.network.rds.RdsMethod}),
 * {@link org.prevalence.network.rds.Homophily}, and Salganik's bootstrap
 * {@link org.prevalence.network.rds.RdsBootstrap} on the shared engine. The formulas live in the
 * package-private {@code RdsCore}, on arrays, shared by the estimator and the bootstrap.
 *
 * <pre>{@code
 * RdsSample s = RdsTable.sample(table, "id", "recruiter", "degree");
 * double[] y = RdsTable.outcome(table, "disease", "1");
 * RdsEstimator.Result rds2 = RdsEstimator.withDefaults().estimate(s, y);                       // RDS-II
 * RdsEstimator.Result ss = RdsEstimator.withDefaults().with(RdsMethod.SS).withPopulationSize(1000).estimate(s, y);
 * RdsBootstrap.Result b = RdsBootstrap.withDefaults().withReplicates(1000).withSeed(1).estimate(s, y);
 * }</pre>
 */
package org.prevalence.network.rds;
