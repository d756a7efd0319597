package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.model.SurveyGlm;
import org.prevalence.survey.model.TestResult;

/**
 * The document of {@code prevalence survey --glm / --chisq / --ttest}: the design's summary, the
 * model's coefficient table and the tests, in broom's tidy shape. JSON: {@code design},
 * {@code variance}, {@code model} ({@code formula, family, link, n, df, dropped, deviance,
 * iterations}, or null), {@code terms[{term, estimate, se, statistic, df, p, lower, upper}]} and
 * {@code contrasts[{contrast, estimate, se, df}]} (with {@code --contrast}) and
 * {@code tests[{test, statistic, df1, df2, p, method}]} (a missing df is null; working LRTs add
 * {@code lambda[]}, the design effects), {@code predictions[{row, estimate, se, type}]} (with
 * {@code --predict}) and {@code margins[{group, estimate, se}]} (with {@code --predmeans}). CSV: one row
 * per coefficient, contrast, test, prediction and margin, with a {@code kind} column.
 */
final class ModelReport {
    private static final List<String> CSV = List.of("kind", "term", "estimate", "se", "statistic", "df1", "df2", "p",
            "lower", "upper", "level", "method");

    private ModelReport() {
    }

    static Report of(SurveyDesign d, ModelOptions.Results r, String variance) {
        return of(new Figures(d.rows(), d.strataCount(), d.psuCount(), d.weightSum()), r, variance);
    }

    /** @return the report of a model fitted on an aggregation engine, with that engine's design figures */
    static Report of(org.prevalence.survey.EngineSurvey.Result d, ModelOptions.Results r) {
        return of(new Figures(d.getRows(), d.getStrataCount(), d.getPsuCount(), d.getWeightSum()), r,
                d.getVarianceMethod());
    }

    private static Report of(Figures d, ModelOptions.Results r, String variance) {
        return new Report(text(d, r, variance), json(d, r, variance), csv(r));
    }

    /** The design's figures a model report prints (in-JVM design or engine). */
    private record Figures(long rows, int strataCount, int psuCount, double weightSum) {
    }

    private static Object num(double x) {
        return Double.isNaN(x) ? null : JsonNumbers.of(x);
    }

    private static String csvNumber(double x) {
        return Double.isNaN(x) ? "NA" : Format.plain(x);
    }

    private static Map<String, Object> json(Figures d, ModelOptions.Results r, String variance) {
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("rows", d.rows());
        design.put("strata", d.strataCount());
        design.put("psus", d.psuCount());
        design.put("weights_sum", JsonNumbers.of(d.weightSum()));
        design.put("variance", variance);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("design", design);
        json.put("variance", variance);
        List<Map<String, Object>> terms = new ArrayList<>();
        SurveyGlm.Result m = r.model();
        if (m != null) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("formula", m.getFormula().text());
            model.put("family", m.getFamily().label());
            model.put("link", m.getLink().label());
            model.put("n", m.getN());
            model.put("df", m.getDegreesOfFreedom());
            model.put("dropped", m.getDropped());
            model.put("deviance", JsonNumbers.of(m.getDeviance()));
            model.put("iterations", m.getIterations());
            json.put("model", model);
            for (SurveyGlm.Term t : m.getTerms()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("term", t.getTerm());
                e.put("estimate", JsonNumbers.of(t.getEstimate()));
                e.put("se", JsonNumbers.of(t.getStandardError()));
                e.put("statistic", JsonNumbers.of(t.getTValue()));
                e.put("df", t.getDegreesOfFreedom());
                e.put("p", JsonNumbers.of(t.getPValue()));
                e.put("lower", JsonNumbers.of(t.getConfidenceInterval().lower()));
                e.put("upper", JsonNumbers.of(t.getConfidenceInterval().upper()));
                e.put("level", JsonNumbers.of(t.getConfidenceInterval().level()));
                terms.add(e);
            }
        } else {
            json.put("model", null);
        }
        json.put("terms", terms);
        if (r.contrast() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("contrast", r.contrastText());
            c.put("estimate", JsonNumbers.of(r.contrast().getEstimate()));
            c.put("se", JsonNumbers.of(r.contrast().getStandardError()));
            c.put("df", r.contrast().getDegreesOfFreedom());
            json.put("contrasts", List.of(c));
        }
        List<Map<String, Object>> tests = new ArrayList<>();
        for (TestResult t : r.tests()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("test", t.getTest());
            e.put("statistic", JsonNumbers.of(t.getStatistic()));
            e.put("df1", num(t.getDf1()));
            e.put("df2", num(t.getDf2()));
            e.put("p", JsonNumbers.of(t.getPValue()));
            e.put("method", t.getMethod());
            if (!Double.isNaN(t.getEstimate())) {
                e.put("estimate", JsonNumbers.of(t.getEstimate()));
            }
            if (t.getLambda().length > 0) {
                List<Object> l = new ArrayList<>();
                for (double x : t.getLambda()) {
                    l.add(JsonNumbers.of(x));
                }
                e.put("lambda", l);
            }
            tests.add(e);
        }
        json.put("tests", tests);
        if (r.predictions() != null) {
            List<Map<String, Object>> pr = new ArrayList<>();
            double[] est = r.predictions().getEstimates();
            double[] se = r.predictions().getStandardErrors();
            String type = r.predictions().getType().name().toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < est.length; i++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("row", i + 1);
                e.put("estimate", JsonNumbers.of(est[i]));
                e.put("se", JsonNumbers.of(se[i]));
                e.put("type", type);
                pr.add(e);
            }
            json.put("predictions", pr);
        }
        if (r.margins() != null) {
            List<Map<String, Object>> mg = new ArrayList<>();
            double[] est = r.margins().getEstimates();
            double[] se = r.margins().getStandardErrors();
            for (int g = 0; g < est.length; g++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("group", r.margins().getGroups().get(g));
                e.put("estimate", JsonNumbers.of(est[g]));
                e.put("se", JsonNumbers.of(se[g]));
                mg.add(e);
            }
            json.put("margins", mg);
        }
        return json;
    }

    private static ResultTable csv(ModelOptions.Results r) {
        ResultTable csv = new ResultTable(CSV);
        if (r.model() != null) {
            for (SurveyGlm.Term t : r.model().getTerms()) {
                csv.add("coefficient", t.getTerm(), csvNumber(t.getEstimate()), csvNumber(t.getStandardError()),
                        csvNumber(t.getTValue()), "NA", Integer.toString(t.getDegreesOfFreedom()),
                        csvNumber(t.getPValue()), csvNumber(t.getConfidenceInterval().lower()),
                        csvNumber(t.getConfidenceInterval().upper()), csvNumber(t.getConfidenceInterval().level()),
                        r.model().getFamily().label() + "(" + r.model().getLink().label() + ")");
            }
        }
        if (r.contrast() != null) {
            csv.add("contrast", r.contrastText(), csvNumber(r.contrast().getEstimate()),
                    csvNumber(r.contrast().getStandardError()), "NA", "NA",
                    Integer.toString(r.contrast().getDegreesOfFreedom()), "NA", "NA", "NA", "NA", "svycontrast");
        }
        for (TestResult t : r.tests()) {
            csv.add("test", t.getTest(), csvNumber(t.getEstimate()), "NA", csvNumber(t.getStatistic()),
                    csvNumber(t.getDf1()), csvNumber(t.getDf2()), csvNumber(t.getPValue()), "NA", "NA", "NA",
                    t.getMethod());
        }
        if (r.predictions() != null) {
            double[] est = r.predictions().getEstimates();
            double[] se = r.predictions().getStandardErrors();
            for (int i = 0; i < est.length; i++) {
                csv.add("prediction", Integer.toString(i + 1), csvNumber(est[i]), csvNumber(se[i]), "NA", "NA", "NA",
                        "NA", "NA", "NA", "NA", r.predictions().getType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (r.margins() != null) {
            double[] est = r.margins().getEstimates();
            double[] se = r.margins().getStandardErrors();
            for (int g = 0; g < est.length; g++) {
                csv.add("margin", r.margins().getGroups().get(g), csvNumber(est[g]), csvNumber(se[g]), "NA", "NA", "NA",
                        "NA", "NA", "NA", "NA", "svypredmeans");
            }
        }
        return csv;
    }

    private static String text(Figures d, ModelOptions.Results r, String variance) {
        StringBuilder sb = new StringBuilder(Output.fmt("Survey design: %s, %s, %s, weights sum %s; variance: %s%n",
                Format.count(d.rows(), "row", "rows"), Format.count(d.strataCount(), "stratum", "strata"),
                Format.count(d.psuCount(), "PSU", "PSUs"), Format.number(d.weightSum()), variance));
        SurveyGlm.Result m = r.model();
        if (m != null) {
            sb.append(Output.fmt("%nSurvey GLM %s, %s(%s): n=%s, residual df %d%s%n%n", m.getFormula().text(),
                    m.getFamily().label(), m.getLink().label(), Format.count(m.getN()), m.getDegreesOfFreedom(),
                    m.getDropped() > 0 ? ", " + Format.count(m.getDropped(), "row", "rows") + " dropped for missing values"
                            : ""));
            List<SurveyGlm.Term> terms = m.getTerms();
            int k = terms.size();
            double[][] cols = new double[5][k];
            for (int i = 0; i < k; i++) {
                SurveyGlm.Term t = terms.get(i);
                cols[0][i] = t.getEstimate();
                cols[1][i] = t.getStandardError();
                cols[2][i] = t.getTValue();
                cols[3][i] = t.getConfidenceInterval().lower();
                cols[4][i] = t.getConfidenceInterval().upper();
            }
            List<List<String>> cells = new ArrayList<>();
            for (double[] c : cols) {
                cells.add(Format.column(c));
            }
            ResultTable table = new ResultTable("term", "estimate", "SE", "t", "p", "lower", "upper");
            for (int i = 0; i < k; i++) {
                table.add(terms.get(i).getTerm(), cells.get(0).get(i), cells.get(1).get(i), cells.get(2).get(i),
                        pText(terms.get(i).getPValue()), cells.get(3).get(i), cells.get(4).get(i));
            }
            sb.append(table.text());
            if (k > 0) {
                sb.append(Output.fmt("%s%% %s intervals%n", Format.percent(terms.get(0).getConfidenceInterval().level()),
                        terms.get(0).getConfidenceInterval().label()));
            }
        }
        if (r.contrast() != null) {
            sb.append(Output.fmt("%nContrast %s: %s%n", r.contrastText(), r.contrast()));
        }
        for (TestResult t : r.tests()) {
            sb.append(System.lineSeparator()).append(t).append(System.lineSeparator());
        }
        if (r.predictions() != null) {
            sb.append(System.lineSeparator()).append(r.predictions()).append(System.lineSeparator());
        }
        if (r.margins() != null) {
            sb.append(System.lineSeparator()).append(r.margins()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String pText(double p) {
        return p < 1e-4 ? Output.fmt("%.2e", p) : Output.fmt("%.4f", p);
    }
}
