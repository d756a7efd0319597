/**
 * The network scale-up method (NSUM), matching R's {@code networkreporting} and {@code surveybootstrap}
 * (Feehan and Salganik): {@link org.prevalence.network.nsum.KnownPopulations},
 * {@link org.prevalence.network.nsum.NetworkScaleUp} (known-population degrees, the Killworth / plug-in
 * size estimate with survey weights, replicate-weight variance from the survey designs, internal
 * consistency by holding out each known population).
 *
 * <pre>{@code
 * SurveyDesign d = SurveyDesign.builder(table).strata("region").clusters("cluster").weights("indweight").build();
 * SurveyDesign boot = ReplicateDesign.withDefaults().with(ReplicateMethod.BOOTSTRAP).withReplicates(1000).build(d);
 * NetworkScaleUp.Result r = NetworkScaleUp.withDefaults().withPopulationSize(10e6).estimate(boot, kp, "clients");
 * }</pre>
 */
package org.prevalence.network.nsum;
