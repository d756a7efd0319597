/**
 * The {@code prevalence} command line (picocli): it parses arguments, builds library objects, calls
 * the library and writes the result; no statistic is computed here.
 *
 * <ul>
 * <li>{@link org.prevalence.cli.Prevalence}: the entry point, its subcommands and the error handling
 *     (exit 2 with one line naming the problem for bad input, exit 1 for an internal error).</li>
 * <li>The subcommands: {@code MseCommand} (list-overlap tables, with the closed-population,
 *     comparison, bootstrap and Bayesian modes of {@code MseModes}), {@code SurveyCommand},
 *     {@code RegionalCommand}, {@code DatasetsCommand} and {@code DemoCommand}.</li>
 * <li>Options shared by several commands are picocli mixins: {@link org.prevalence.cli.CommonOptions},
 *     {@code InputFormatOptions}, {@code ListInput} and {@code PlotOptions}.</li>
 * <li>Output: {@code Output} writes text tables, CSV or JSON (never E-notation), {@code MseReport}
 *     and {@code MseExtras} map results onto their keys, {@link org.prevalence.cli.Plots} draws
 *     charts, and {@code OutputFiles} puts files in place only when the command succeeds.</li>
 * </ul>
 * Start with {@code Prevalence}, then {@code MseCommand} or {@code SurveyCommand}, then {@code Output}.
 */
package org.prevalence.cli;
