/**
 * Regional and world estimates of forced labour.
 *
 * <ul>
 * <li>The reported-case pipeline of the ILO global estimates (2005, 2012):
 *     {@link org.prevalence.regional.CaseFile} reads and validates the cases,
 *     {@link org.prevalence.regional.ReportedCasePipeline} runs the steps of
 *     {@link org.prevalence.regional.CaseSteps} per stratum (region x form) with a stratified
 *     bootstrap over cases ({@code CaseRun} holds one run's state step by step, {@code CaseRows}
 *     assembles its rows).</li>
 * <li>The survey pipeline of the Global Estimates of Modern Slavery (2017, 2022):
 *     {@link org.prevalence.regional.NationalData}, {@link org.prevalence.regional.Covariates},
 *     {@link org.prevalence.regional.ImputationModel} (its arithmetic in {@code MetaRegression}) and
 *     {@link org.prevalence.regional.SurveyPipeline} (its Monte Carlo draw in {@code SurveyDraws}).</li>
 * <li>Region editions as data: {@link org.prevalence.regional.RegionEdition}; populations:
 *     {@link org.prevalence.regional.Populations}; one output row shape:
 *     {@link org.prevalence.regional.RegionalEstimate}.</li>
 * </ul>
 *
 * <p>Estimators take the data model, never a table: {@link org.prevalence.regional.CaseFile#read},
 * {@link org.prevalence.regional.Populations#fromTable}, {@link org.prevalence.regional.NationalData#fromTable},
 * {@link org.prevalence.regional.Covariates#fromTable} and
 * {@link org.prevalence.regional.RegionEdition#fromTable} are the readers of a Tablesaw table (through
 * {@link org.prevalence.core.io.Columns}: exact, case-sensitive column names; one wording for a
 * missing column). Each has a twin that reads a CSV file's columns without a table
 * ({@link org.prevalence.core.io.CsvColumns}: {@code CaseFile.read(CsvColumns)}, {@code fromColumns},
 * with {@code reading(in, header)} naming the columns to read, numbers as doubles and text as
 * dictionary codes): the command line's path. Both run the same checks, one code path, with the same
 * results bit for bit and the same messages; a file's messages also name its line
 * ({@code Row 3 (cases.csv, line 5), column 'victims': ...}).
 *
 * <p>Nothing that was not estimated is a zero: every region of the edition is listed, a part with
 * no data (no reported case, a stratum excluded for lack of overlap, no case inside the window, no
 * country in the national data) has {@link org.prevalence.core.Status#NOT_ESTIMATED} and a reason,
 * and every total names the parts it leaves out
 * ({@link org.prevalence.regional.RegionalEstimate#getLeavesOut()}). A stock above its population
 * (more than 1,000 per 1,000) is an error naming the region and its population rows.
 *
 * <pre>{@code
 * ReportedCasePipeline.Result r = ReportedCasePipeline.withDefaults().withReplicates(2000).withSeed(1)
 *         .estimate(CaseFile.withDefaults().read(cases), Populations.fromTable(RegionEdition.ILO_2012, population),
 *                 ReferenceWindow.parse("2002-01-01:2011-12-31"));
 * // from a file, without a table
 * CaseFile file = CaseFile.withDefaults();
 * CsvInput in = CsvInput.withDefaults().withThreads(0);
 * CaseData data = file.read(file.reading(in, in.header(path)).columns(path));
 * r.getRegions().forEach(System.out::println);
 * }</pre>
 */
package org.prevalence.regional;
