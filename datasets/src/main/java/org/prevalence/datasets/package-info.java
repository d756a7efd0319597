/**
 * The bundled datasets, each with its provenance, so that examples and tests need no download:
 * published list-overlap tables of modern-slavery MSE studies (for example UK 2013 on 5 lists),
 * the survey samples of R's {@code survey} package (for example {@code apistrat}), published
 * regional tables and region editions.
 *
 * <p>Start with {@link org.prevalence.datasets.Datasets}: {@link org.prevalence.datasets.Datasets#all()}
 * lists the catalogue, and {@link org.prevalence.datasets.Datasets#listTable(String)} and
 * {@link org.prevalence.datasets.Datasets#surveyTable(String)} load a dataset by name. The published
 * tables and a synthetic world with a known truth are in {@code org.prevalence.datasets.world}.
 */
package org.prevalence.datasets;
