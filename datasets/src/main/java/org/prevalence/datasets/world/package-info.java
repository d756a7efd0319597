/**
 * Data for the regional pipelines: the published regional tables and a synthetic world whose truth
 * is known.
 *
 * <ul>
 * <li>{@link org.prevalence.datasets.world.PublishedTables}: the bundled regional tables of forced
 *     labour and modern slavery (ILO 2005 and 2012, Global Estimates 2017 and 2022, national MSE
 *     studies), each row marked verified or recalled with its source, and the region editions.</li>
 * <li>{@link org.prevalence.datasets.world.SyntheticWorld}: a seeded world built to reproduce the
 *     published ILO 2012 regional figures; its {@link org.prevalence.datasets.world.SyntheticWorld.World}
 *     gives the reported cases, populations, national survey estimates and covariates as Tablesaw
 *     tables, beside the truth they were drawn from.</li>
 * </ul>
 * Start with {@code SyntheticWorld} to test an estimator against a known truth, or with
 * {@code PublishedTables} to compare with published figures.
 */
package org.prevalence.datasets.world;
