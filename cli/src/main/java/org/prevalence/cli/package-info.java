/**
 * The {@code prevalence} command line (picocli): it parses arguments, builds library objects, calls
 * the library and writes the result; no statistic is computed here.
 *
 * <ul>
 * <li>{@link org.prevalence.cli.Prevalence}: the entry point, its subcommands and the error handling
 *     (exit 2 with one line naming the problem for bad input, exit 1 for an internal error).</li>
 * <li>The subcommands: {@code MseCommand} (list-overlap tables: it parses the options into the
 *     library's enums, builds the configured estimators and hands them to one of the modes of
 *     {@code MseModes}, which calls the library and returns the report), {@code SurveyCommand},
 *     {@code RegionalCommand}, {@code DatasetsCommand} and {@code DemoCommand}.</li>
 * <li>Options shared by several commands are picocli mixins: {@link org.prevalence.cli.CommonOptions},
 *     {@code InputFormatOptions}, {@code ListInput} and {@code PlotOptions}.</li>
 * <li>Output: one reporter over the typed results. A {@code Report} is one command's document in the
 *     three {@code --format}s (text, JSON tree, CSV {@code ResultTable}), each written from the library's
 *     results and none read back from another: {@code Reports} (with the JSON keys of {@code MseJson})
 *     for the list family's {@code PopulationEstimate}s, {@code SurveyReport} for {@code SurveyEstimate}s,
 *     {@code RegionalReport} for the regional pipelines. {@code Output} renders tables, CSV and JSON
 *     (never E-notation), {@link org.prevalence.cli.Plots} draws charts, and {@code OutputFiles} puts
 *     files in place only when the command succeeds.</li>
 * </ul>
 * Start with {@code Prevalence}, then {@code MseCommand} or {@code SurveyCommand}, then {@code Output}.
 */
package org.prevalence.cli;
