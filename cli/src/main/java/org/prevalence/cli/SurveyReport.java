package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyEstimate;

/**
 * The document of {@code prevalence survey}: the design's summary, then one row an estimate (statistic,
 * variable, domain, estimate, SE, interval, design effect, n, df), written from the typed
 * {@link SurveyEstimate}s.
 */
final class SurveyReport {
    private static final List<String> CSV = List.of("statistic", "variable", "domain", "estimate", "se", "lower",
            "upper", "level", "deff", "n", "df", "variance");
    private static final List<String> HEADERS = List.of("statistic", "variable", "domain", "estimate", "SE", "lower",
            "upper", "deff", "n", "df");

    private SurveyReport() {
    }

    /**
     * @param d the design
     * @param results the estimates, in order
     * @param variance the variance method's name
     * @param level the confidence level (for an estimate without an interval)
     * @return the document
     */
    static Report of(SurveyDesign d, List<SurveyEstimate> results, String variance, double level) {
        return of(new Facts(d.rows(), d.strataCount(), d.psuCount(), d.weightSum()), results, variance, level);
    }

    /**
     * @param r the estimates of an aggregation engine ({@code --engine duckdb})
     * @param level the confidence level
     * @return the document, as for a design
     */
    static Report of(org.prevalence.survey.EngineSurvey.Result r, double level) {
        return of(new Facts(r.getRows(), r.getStrataCount(), r.getPsuCount(), r.getWeightSum()), r.getEstimates(),
                r.getVarianceMethod(), level);
    }

    private static Report of(Facts d, List<SurveyEstimate> results, String variance, double level) {
        return new Report(text(d, results, variance), json(d, results, variance, level), csv(results, variance, level));
    }

    /** The design's figures the report prints. */
    private record Facts(long rows, int strataCount, int psuCount, double weightSum) {
    }

    /** @return a domain as {@code col=level, col=level} */
    static String domainText(Map<String, String> d) {
        List<String> parts = new ArrayList<>();
        d.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static String csvNumber(double x) {
        return Double.isNaN(x) ? "NA" : Format.plain(x);
    }

    private static Map<String, Object> json(Facts d, List<SurveyEstimate> results, String variance,
                                            double level) {
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("rows", d.rows());
        design.put("strata", d.strataCount());
        design.put("psus", d.psuCount());
        design.put("weights_sum", JsonNumbers.of(d.weightSum()));
        design.put("variance", variance);
        List<Map<String, Object>> est = new ArrayList<>();
        for (SurveyEstimate r : results) {
            Interval iv = r.getConfidenceInterval();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statistic", r.getStatistic());
            m.put("variable", r.getVariable());
            m.put("domain", r.getDomain().isEmpty() ? null : r.getDomain());
            m.put("estimate", JsonNumbers.of(r.getEstimate()));
            m.put("se", JsonNumbers.of(r.getStandardError()));
            m.put("lower", iv == null ? null : JsonNumbers.of(iv.lower()));
            m.put("upper", iv == null ? null : JsonNumbers.of(iv.upper()));
            m.put("level", JsonNumbers.of(iv == null ? level : iv.level()));
            m.put("deff", JsonNumbers.of(r.getDeff()));
            m.put("n", r.getN());
            m.put("df", r.getDegreesOfFreedom());
            m.put("interval_method", iv == null ? null : iv.label());
            m.put("dropped", r.getDropped());
            est.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("design", design);
        json.put("variance", variance);
        json.put("estimates", est);
        return json;
    }

    private static ResultTable csv(List<SurveyEstimate> results, String variance, double level) {
        ResultTable csv = new ResultTable(CSV);
        for (SurveyEstimate r : results) {
            Interval iv = r.getConfidenceInterval();
            csv.add(r.getStatistic(), r.getVariable(), r.getDomain().isEmpty() ? "" : domainText(r.getDomain()),
                    csvNumber(r.getEstimate()), csvNumber(r.getStandardError()),
                    iv == null ? "NA" : csvNumber(iv.lower()), iv == null ? "NA" : csvNumber(iv.upper()),
                    csvNumber(iv == null ? level : iv.level()), csvNumber(r.getDeff()),
                    Long.toString(r.getN()), Integer.toString(r.getDegreesOfFreedom()), variance);
        }
        return csv;
    }

    /** The table's rows: one number style per column (the same decimals down each numeric column). */
    private static ResultTable rows(List<SurveyEstimate> results) {
        int k = results.size();
        double[][] cols = new double[5][k];
        for (int i = 0; i < k; i++) {
            SurveyEstimate r = results.get(i);
            Interval iv = r.getConfidenceInterval();
            cols[0][i] = r.getEstimate();
            cols[1][i] = r.getStandardError();
            cols[2][i] = iv == null ? Double.NaN : iv.lower();
            cols[3][i] = iv == null ? Double.NaN : iv.upper();
            cols[4][i] = r.getDeff();
        }
        List<List<String>> cells = new ArrayList<>();
        for (double[] c : cols) {
            cells.add(Format.column(c));
        }
        ResultTable rows = new ResultTable(HEADERS);
        for (int i = 0; i < k; i++) {
            SurveyEstimate r = results.get(i);
            List<Object> row = new ArrayList<>(List.of(r.getStatistic(), r.getVariable(),
                    r.getDomain().isEmpty() ? "all" : domainText(r.getDomain())));
            for (int c = 0; c < cols.length; c++) {
                row.add(Double.isNaN(cols[c][i]) ? "-" : cells.get(c).get(i));
            }
            row.add(Output.count(r.getN()));
            row.add(Integer.toString(r.getDegreesOfFreedom()));
            rows.add(row);
        }
        return rows;
    }

    private static String text(Facts d, List<SurveyEstimate> results, String variance) {
        Interval first = results.isEmpty() ? null : results.get(0).getConfidenceInterval();
        String ivName = first == null ? "" : Output.fmt(" (%s%% %s interval)", Format.percent(first.level()),
                first.label());
        long dropped = results.stream().mapToLong(SurveyEstimate::getDropped).max().orElse(0);
        return Output.fmt("Survey design: %s, %s, %s, weights sum %s; variance: %s%n%n",
                Format.count(d.rows(), "row", "rows"), Format.count(d.strataCount(), "stratum", "strata"),
                Format.count(d.psuCount(), "PSU", "PSUs"), Format.number(d.weightSum()), variance)
                + rows(results).text()
                + ivName.strip() + (dropped > 0 ? Output.fmt("%n%s dropped for missing values",
                Format.count(dropped, "row", "rows")) : "")
                + "\n";
    }
}
