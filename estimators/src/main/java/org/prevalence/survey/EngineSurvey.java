package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.prevalence.core.Checks;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.engine.AggregationEngine;
import org.prevalence.core.engine.ColumnType;
import org.prevalence.core.engine.EngineErrors;
import org.prevalence.core.engine.GroupedSums;
import org.prevalence.core.engine.SumRequest;
import org.prevalence.core.engine.Term;
import org.prevalence.core.survey.ReplicateWeightSpec;

/**
 * Means, totals, ratios and proportions, for the whole population or by domains, from the
 * aggregates an {@link AggregationEngine} computes where the data are (an embedded DuckDB over a
 * Parquet file, Spark, or the in-JVM arrays): the same estimates, standard errors, intervals,
 * design effects and degrees of freedom as {@link SurveyTotal}, {@link SurveyMean},
 * {@link SurveyRatio} and {@link SurveyProportion} on a {@link SurveyDesign} of the same data, to
 * rounding. Only sums leave the engine:
 * <ul>
 * <li>per domain, with the sampling weight \( w \): \( \sum w, \sum wy, \sum wx, \sum wy^2, \sum wxy,
 *     \sum wx^2 \) (estimates; design effects as Kish 1965);</li>
 * <li>Taylor linearization (Lumley 2010, sec. 3.2): per domain x stratum x PSU, \( \sum w, \sum wy,
 *     \sum wx \), from which the PSU totals of the linearized values
 *     \( z_i = w_i (y_i - c\, x_i) a \) are \( a (\sum wy - c \sum wx) \); the variance is
 *     {@link LinearizationVariance} on a one-row-per-PSU skeleton of the design (strata, fpc and
 *     lonely-PSU rules exactly as the in-JVM path);</li>
 * <li>supplied replicate weights (R {@code svrepdesign}: JK1, JKn, BRR, Fay, bootstrap, SDR, other):
 *     per domain and replicate \( \sum w_r y, \sum w_r x, \sum w_r \), and the replicate estimates go
 *     through {@link ReplicateVariance#variance(double[], double)}; the degrees of freedom are the
 *     rank of the replicate weights minus 1 from their Gram matrix (R assumed when rows x R^2 exceeds
 *     4e8, as in-JVM).</li>
 * </ul>
 * Not on an engine (each refused naming the option): quantiles, two-stage designs, linearization
 * without {@code --cluster}, calibration, the likelihood interval of a proportion and factor
 * (text) variables of a mean or total.
 *
 * <p>Configured as the CLI's {@code survey} options: {@code withDefaults()} has no weights (they must
 * be given), no strata, no clusters, no fpc, {@link LonelyPsu#FAIL}, {@link MissingValues#FAIL},
 * level 0.95, {@link CiMethod#LOGIT}. This class is immutable.
 *
 * <p>References: <ol><li>Lumley, T. (2010). Complex Surveys: A Guide to Analysis Using R. Wiley.</li>
 * <li>Fay, R.E., Train, G.F. (1995). Aspects of survey and model-based postcensal estimation of income
 * and poverty characteristics for states and counties. Proc. Section on Government Statistics, ASA,
 * 154-159.</li></ol>
 */
public final class EngineSurvey {
    private static final EngineSurvey DEFAULT = new EngineSurvey(null, null, null, null, false, LonelyPsu.FAIL, null,
            MissingValues.FAIL, 0.95, CiMethod.LOGIT, null);

    private static final int GRAM_CHUNK = 256;

    private final String weights;
    private final String strata;
    private final String cluster;
    private final String fpc;
    private final boolean nest;
    private final LonelyPsu lonely;
    private final ReplicateWeightSpec replicates;
    private final MissingValues missing;
    private final double level;
    private final CiMethod ci;
    private final Calibrated calibration;

    /** A calibration of the weights: the variables it reads and the in-JVM adjustment. */
    private record Calibrated(List<String> columns, UnaryOperator<SurveyDesign> adjust) {
    }

    private EngineSurvey(String weights, String strata, String cluster, String fpc, boolean nest, LonelyPsu lonely,
                         ReplicateWeightSpec replicates, MissingValues missing, double level, CiMethod ci,
                         Calibrated calibration) {
        this.weights = weights;
        this.strata = strata;
        this.cluster = cluster;
        this.fpc = fpc;
        this.nest = nest;
        this.lonely = lonely;
        this.replicates = replicates;
        this.missing = missing;
        this.level = level;
        this.ci = ci;
        this.calibration = calibration;
    }

    /** @return the default configuration (see the class description); weights must still be given */
    public static EngineSurvey withDefaults() {
        return DEFAULT;
    }

    /** @param v the sampling-weight column @return a new configuration */
    public EngineSurvey withWeights(String v) {
        return new EngineSurvey(Objects.requireNonNull(v, "weights"), strata, cluster, fpc, nest, lonely, replicates,
                missing, level, ci, calibration);
    }

    /** @param v the strata column, or null @return a new configuration */
    public EngineSurvey withStrata(String v) {
        return new EngineSurvey(weights, v, cluster, fpc, nest, lonely, replicates, missing, level, ci, calibration);
    }

    /** @param v the PSU column (one stage), or null (each row a PSU; replicate weights only) @return a new configuration */
    public EngineSurvey withCluster(String v) {
        return new EngineSurvey(weights, strata, v, fpc, nest, lonely, replicates, missing, level, ci, calibration);
    }

    /** @param v the stage-1 fpc column (population sizes or sampling fractions), or null @return a new configuration */
    public EngineSurvey withFpc(String v) {
        return new EngineSurvey(weights, strata, cluster, v, nest, lonely, replicates, missing, level, ci, calibration);
    }

    /** @param v whether PSU ids are re-used across strata (R nest=TRUE) @return a new configuration */
    public EngineSurvey withNest(boolean v) {
        return new EngineSurvey(weights, strata, cluster, fpc, v, lonely, replicates, missing, level, ci, calibration);
    }

    /** @param v the lonely-PSU rule @return a new configuration */
    public EngineSurvey with(LonelyPsu v) {
        return new EngineSurvey(weights, strata, cluster, fpc, nest, Objects.requireNonNull(v, "lonelyPsu"),
                replicates, missing, level, ci, calibration);
    }

    /** @param v supplied replicate weights (the variance is then theirs), or null @return a new configuration */
    public EngineSurvey withReplicateWeights(ReplicateWeightSpec v) {
        return new EngineSurvey(weights, strata, cluster, fpc, nest, lonely, v, missing, level, ci, calibration);
    }

    /** @param v missing-value handling @return a new configuration */
    public EngineSurvey with(MissingValues v) {
        return new EngineSurvey(weights, strata, cluster, fpc, nest, lonely, replicates,
                Objects.requireNonNull(v, "missingValues"), level, ci, calibration);
    }

    /** @param v the confidence level in (0, 1) @return a new configuration */
    public EngineSurvey withConfidenceLevel(double v) {
        return new EngineSurvey(weights, strata, cluster, fpc, nest, lonely, replicates, missing,
                Checks.level("level", v), ci, calibration);
    }

    /** @param v the proportion interval (not {@link CiMethod#LIKELIHOOD}) @return a new configuration */
    public EngineSurvey with(CiMethod v) {
        if (Objects.requireNonNull(v, "ci") == CiMethod.LIKELIHOOD) {
            throw PrevalenceException.invalidArgument("--ci", "the likelihood interval refits a GLM per domain and is "
                    + "not computed on an aggregation engine; choose another --ci or --engine memory");
        }
        return new EngineSurvey(weights, strata, cluster, fpc, nest, lonely, replicates, missing, level, v, calibration);
    }

    /**
     * Calibrates the weights before estimating (R's {@code postStratify}, {@code calibrate}), with the
     * sums pushed down: every such adjustment makes the weight factor \( g_i \) a function of the
     * row's values of the calibration variables only, and its linearization variance (residuals from
     * the calibration model weighted by the weights before it, Deville and Sarndal 1992) is linear in
     * the rows' \( w_i \), \( w_i y_i \). So the engine sums \( w \), \( w y \) (and \( w x \)) per
     * cell of domain x stratum x PSU x calibration variables, and {@code adjust} runs on the design
     * whose rows are those cells (each cell's weight \( \sum w \) and value \( \sum w y / \sum w \)):
     * estimates, standard errors, intervals and degrees of freedom are then those of the in-JVM
     * calibrated design to rounding; counts and design effects come from the row-level sums. Its
     * cost grows with the number of cells (a numeric calibration variable is a cell per distinct
     * value). Computed for linearization designs only; iterative raking ({@link Rake}, whose variance
     * uses unweighted cell means) and weight trimming need the rows: use
     * {@link Calibration} with {@link CalibrationDistance#RAKING} (exact margins), or the in-JVM path.
     * @param columns every variable the calibration reads (the margins' or totals' variables)
     * @param adjust the calibration of an in-JVM design, e.g.
     *     {@code d -> PostStratify.withDefaults().apply(d, counts)} or {@code d -> Calibration.withDefaults().apply(d, totals)}
     * @return a new configuration
     */
    public EngineSurvey withCalibration(List<String> columns, UnaryOperator<SurveyDesign> adjust) {
        if (Objects.requireNonNull(columns, "columns").isEmpty()) {
            throw PrevalenceException.invalidArgument("columns", "a calibration names at least one variable");
        }
        return new EngineSurvey(weights, strata, cluster, fpc, nest, lonely, replicates, missing, level, ci,
                new Calibrated(List.copyOf(columns), Objects.requireNonNull(adjust, "adjust")));
    }

    /**
     * The design's figures and the estimates. This class is immutable.
     */
    public static final class Result {
        private final long rows;
        private final int strataCount;
        private final int psuCount;
        private final double weightSum;
        private final String variance;
        private final List<SurveyEstimate> estimates;

        Result(long rows, int strataCount, int psuCount, double weightSum, String variance,
               List<SurveyEstimate> estimates) {
            this.rows = rows;
            this.strataCount = strataCount;
            this.psuCount = psuCount;
            this.weightSum = weightSum;
            this.variance = variance;
            this.estimates = Collections.unmodifiableList(new ArrayList<>(estimates));
        }

        /** @return the rows of the data */
        public long getRows() {
            return rows;
        }

        /** @return the number of strata (1 without) */
        public int getStrataCount() {
            return strataCount;
        }

        /** @return the number of PSUs (the rows without clusters) */
        public int getPsuCount() {
            return psuCount;
        }

        /** @return the sum of the sampling weights */
        public double getWeightSum() {
            return weightSum;
        }

        /** @return the variance method, as {@link SurveyDesign#varianceMethod()} */
        public String getVarianceMethod() {
            return variance;
        }

        /**
         * @param v other estimates (e.g. of several variables)
         * @return this design's figures with those estimates
         */
        public Result withEstimates(List<SurveyEstimate> v) {
            return new Result(rows, strataCount, psuCount, weightSum, variance, v);
        }

        /** @return the estimates, one per domain, in svyby's order */
        public List<SurveyEstimate> getEstimates() {
            return estimates;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "EngineSurvey.Result[%d rows, %d strata, %d PSUs, variance %s, %d estimates]",
                    rows, strataCount, psuCount, variance, estimates.size());
        }
    }

    /**
     * @param engine the data
     * @param y a numeric variable
     * @param by by-variables (none for the whole population)
     * @return the total per domain, as {@link SurveyTotal}
     */
    public Result total(AggregationEngine engine, String y, String... by) {
        return run(engine, Linear.Kind.TOTAL, y, null, false, List.of(by));
    }

    /**
     * @param engine the data
     * @param y a numeric variable
     * @param by by-variables
     * @return the mean per domain, as {@link SurveyMean}
     */
    public Result mean(AggregationEngine engine, String y, String... by) {
        return run(engine, Linear.Kind.MEAN, y, null, false, List.of(by));
    }

    /**
     * @param engine the data
     * @param y the numerator
     * @param x the denominator
     * @param by by-variables
     * @return the ratio of totals per domain, as {@link SurveyRatio}
     */
    public Result ratio(AggregationEngine engine, String y, String x, String... by) {
        return run(engine, Linear.Kind.RATIO, y, Objects.requireNonNull(x, "x"), false, List.of(by));
    }

    /**
     * @param engine the data
     * @param y a 0/1 or logical variable
     * @param by by-variables
     * @return the proportion per domain, with the configured interval, as {@link SurveyProportion}
     */
    public Result proportion(AggregationEngine engine, String y, String... by) {
        return run(engine, Linear.Kind.MEAN, y, null, true, List.of(by));
    }

    /** One domain's pass-1 sums. */
    private static final class Dom {
        final Map<String, String> label;
        final List<String> key;
        long n;
        long dropped;
        double sw;
        double swy;
        double swx;
        double swyy;
        double swxy;
        double swxx;
        double estimate;

        Dom(Map<String, String> label, List<String> key) {
            this.label = label;
            this.key = key;
        }
    }

    private Result run(AggregationEngine e, Linear.Kind kind, String y, String x, boolean binary, List<String> by) {
        requireDesign(e);
        Objects.requireNonNull(y, "y");
        if (calibration != null) {
            return calibrated(e, kind, y, x, binary, by);
        }
        for (String b : by) {
            EngineErrors.requireColumn(b, e.columns());
        }
        requireNumeric(e, y, "variable");
        if (x != null) {
            requireNumeric(e, x, "denominator");
        }
        boolean ratio = kind == Linear.Kind.RATIO;
        String xc = ratio ? x : null;
        List<String> missCols = ratio ? List.of(y, x) : List.of(y);
        // pass 1: per-domain sums with the sampling weight
        List<Term> terms = ratio
                ? List.of(Term.one(), Term.of(y), Term.of(xc), Term.product(y, y), Term.product(xc, y), Term.product(xc, xc))
                : List.of(Term.one(), Term.of(y), Term.product(y, y));
        GroupedSums a = e.sums(new SumRequest(by, List.of(weights), terms, missCols));
        checkWeights(a.weightChecks().get(0), true);
        List<Dom> doms = domains(e, a, by, ratio, y, x);
        if (binary) {
            checkBinary(e, y);
        }
        String name = ratio ? y + "/" + x : y;
        for (Dom d : doms) {
            if (d.n > 0 && d.dropped > 0 && missing == MissingValues.FAIL) {
                throw missingValues(e, d, missCols);
            }
        }
        for (Dom d : doms) {
            if (d.dropped > 0 && missing == MissingValues.FAIL) {
                throw missingValues(e, d, missCols);
            }
            if (d.n == 0) {
                throw PrevalenceException.notEstimable(d.label.isEmpty() ? "domain" : "domain " + d.label,
                        "%s has no rows with a value of '%s'%s; nothing to estimate", Linear.domainText(d.label), y,
                        d.dropped > 0 ? " (" + d.dropped + " missing)" : "");
            }
            if (ratio && d.swx == 0) {
                throw PrevalenceException.notEstimable(d.label.isEmpty() ? "column '" + x + "'" : "domain " + d.label,
                        "the estimated total of the denominator '%s' is zero in %s; the ratio is not defined",
                        x, Linear.domainText(d.label));
            }
            // Hajek mean sum(w y)/sum(w); Horvitz-Thompson (1952) total sum(w y); ratio of HT totals
            d.estimate = kind == Linear.Kind.MEAN ? d.swy / d.sw : kind == Linear.Kind.TOTAL ? d.swy : d.swy / d.swx;
        }
        int D = doms.size();
        double[] variance = new double[D];
        int[] df = new int[D];
        Result figures;
        if (replicates != null) {
            replicateVariances(e, kind, y, xc, missCols, by, doms, binary, variance, df);
            figures = figures(e, null);
        } else {
            Skeleton sk = skeleton(e);
            linearizationVariances(e, kind, y, xc, missCols, by, doms, sk, variance, df);
            figures = figures(e, sk);
        }
        List<SurveyEstimate> out = new ArrayList<>(D);
        for (int k = 0; k < D; k++) {
            Dom d = doms.get(k);
            double[] deff = designEffects(kind, d, variance[k]);
            double se = Math.sqrt(variance[k]);
            if (binary) {
                double[] iv = ProportionIntervals.interval(ci, d.estimate, variance[k], level, df[k], d.n + d.dropped,
                        d.n, null);
                if (!(iv[0] <= iv[1])) {
                    throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE,
                            d.label.isEmpty() ? "column '" + name + "'" : "domain " + d.label,
                            String.format(Locale.ROOT, "the %s interval for '%s' in %s could not be computed (estimate %s)",
                                    ci.name().toLowerCase(Locale.ROOT), name, Linear.domainText(d.label), d.estimate),
                            new PrevalenceException.Remedy("choose another CiMethod", "choose another --ci"));
                }
                Interval interval = new Interval(iv[0], iv[1], level, ci.proportionInterval(), df[k]);
                out.add(new SurveyProportion.Result(name, d.label, d.estimate, se, interval, deff[0], deff[1], d.n, df[k],
                        d.dropped));
                continue;
            }
            Interval interval = Quantiles.wald(d.estimate, se, level, IntervalDistribution.NORMAL, df[k]);
            out.add(result(kind, name, d.label, d.estimate, se, interval, deff, d.n, df[k], d.dropped));
        }
        return figures.withEstimates(out);
    }

    /** One cell of the calibrated path: its key values, row-level sums and counts. */
    private static final class Cell {
        final List<String> key;
        double swAll;
        GroupedSums.Group complete;

        Cell(List<String> key) {
            this.key = key;
        }
    }

    /** The estimate on a calibrated design, from cell sums (see {@link #withCalibration}). */
    private Result calibrated(AggregationEngine e, Linear.Kind kind, String y, String x, boolean binary,
                              List<String> by) {
        if (replicates != null) {
            throw PrevalenceException.invalidArgument("--replicate-weights", "calibration on an aggregation engine is "
                    + "computed for linearization designs (replicate estimates need each replicate's cell sums of y); "
                    + "use --engine memory");
        }
        for (String b : by) {
            EngineErrors.requireColumn(b, e.columns());
        }
        requireNumeric(e, y, "variable");
        if (x != null) {
            requireNumeric(e, x, "denominator");
        }
        if (binary) {
            checkBinary(e, y);
        }
        boolean ratio = kind == Linear.Kind.RATIO;
        List<String> missCols = ratio ? List.of(y, x) : List.of(y);
        java.util.LinkedHashSet<String> keySet = new java.util.LinkedHashSet<>(by);
        if (strata != null) {
            keySet.add(strata);
        }
        keySet.add(cluster);
        if (fpc != null) {
            requireNumeric(e, fpc, "fpc");
            keySet.add(fpc);
        }
        keySet.addAll(calibration.columns());
        List<String> keys = new ArrayList<>(keySet);
        for (String k : keys) {
            EngineErrors.requireColumn(k, e.columns());
        }
        GroupedSums all = e.sums(new SumRequest(keys, List.of(weights), List.of(Term.one()), List.of()));
        checkWeights(all.weightChecks().get(0), true);
        long seen = 0;
        for (GroupedSums.Group g : all.groups()) {
            seen += g.rows();
        }
        if (seen < e.rows()) {
            for (String k : keys) {
                long m = 0;
                for (GroupedSums.Group g : e.counts(SumRequest.counts(List.of(k))).groups()) {
                    m += g.rows();
                }
                if (m < e.rows()) {
                    throw PrevalenceException.invalidData("column '" + k + "'", "column '%s': %d rows have a missing "
                            + "value; every row needs a domain, stratum, PSU and calibration cell", k, e.rows() - m);
                }
            }
        }
        List<Term> terms = ratio
                ? List.of(Term.one(), Term.of(y), Term.of(x), Term.product(y, y), Term.product(x, y), Term.product(x, x))
                : List.of(Term.one(), Term.of(y), Term.product(y, y));
        int nt = terms.size();
        GroupedSums comp = e.sums(new SumRequest(keys, List.of(weights), terms, missCols));
        List<Cell> cells = new ArrayList<>();
        long incomplete = 0;
        for (GroupedSums.Group g : all.groups()) {
            Cell c = new Cell(g.keys());
            c.swAll = g.sum(0, 0, 1);
            c.complete = comp.group(g.keys());
            cells.add(c);
            incomplete += c.complete.missing();
        }
        if (incomplete > 0 && missing == MissingValues.FAIL) {
            throw missingValues(e, missCols, incomplete, "");
        }
        // the design whose rows are the cells: a complete row (weight sum w over complete rows, value
        // sum w y / sum w) and, for rows missing y (or x), a row of the rest of the weight with NaN
        List<double[]> rowW = new ArrayList<>();
        List<double[]> rowV = new ArrayList<>();
        List<Cell> rowCell = new ArrayList<>();
        for (Cell c : cells) {
            GroupedSums.Group g = c.complete;
            double swc = g.sum(0, 0, nt);
            if (g.rows() > 0) {
                rowW.add(new double[] {swc});
                rowV.add(new double[] {g.sum(0, 1, nt) / swc, ratio ? g.sum(0, 2, nt) / swc : Double.NaN});
                rowCell.add(c);
            }
            if (g.missing() > 0) {
                rowW.add(new double[] {g.rows() > 0 ? c.swAll - swc : c.swAll});
                rowV.add(new double[] {Double.NaN, Double.NaN});
                rowCell.add(c);
            }
        }
        int n = rowW.size();
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("cells");
        for (int j = 0; j < keys.size(); j++) {
            String k = keys.get(j);
            ColumnType type = e.columns().get(k);
            if (type == ColumnType.TEXT) {
                tech.tablesaw.api.StringColumn col = tech.tablesaw.api.StringColumn.create(k);
                for (Cell c : rowCell) {
                    col.append(c.key.get(j));
                }
                t.addColumns(col);
            } else if (type == ColumnType.LOGICAL) {
                tech.tablesaw.api.BooleanColumn col = tech.tablesaw.api.BooleanColumn.create(k);
                for (Cell c : rowCell) {
                    col.append(c.key.get(j).equals("true"));
                }
                t.addColumns(col);
            } else {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Double.parseDouble(rowCell.get(i).key.get(j));
                }
                t.addColumns(tech.tablesaw.api.DoubleColumn.create(k, v));
            }
        }
        double[] w0 = new double[n];
        double[] yv = new double[n];
        double[] xv = new double[n];
        for (int i = 0; i < n; i++) {
            w0[i] = rowW.get(i)[0];
            yv[i] = rowV.get(i)[0];
            xv[i] = rowV.get(i)[1];
        }
        String wc = keySet.contains(weights) ? weights + ".cell" : weights;
        t.addColumns(tech.tablesaw.api.DoubleColumn.create(wc, w0));
        if (!keySet.contains(y)) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(y, yv));
        }
        if (ratio && !keySet.contains(x) && !x.equals(y)) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(x, xv));
        }
        // a variable that is also a key column is that column (its rows are never missing)
        SurveyDesign.Builder b = SurveyDesign.builder(t).weights(wc).clusters(cluster).lonelyPsu(lonely);
        if (strata != null) {
            b.strata(strata);
        }
        if (fpc != null) {
            b.fpc(fpc);
        }
        if (nest) {
            b.nest();
        }
        SurveyDesign d = calibration.adjust().apply(b.build());
        double[] wcal = d.weights();
        String[] byv = by.toArray(new String[0]);
        List<? extends SurveyEstimate> est;
        switch (kind) {
            case TOTAL:
                SurveyTotal st = SurveyTotal.withDefaults().with(MissingValues.DROP).withConfidenceLevel(level);
                est = by.isEmpty() ? List.of(st.estimate(d, y)) : st.estimateBy(d, y, byv);
                break;
            case MEAN:
                SurveyMean sm = SurveyMean.withDefaults().with(MissingValues.DROP).withConfidenceLevel(level);
                est = by.isEmpty() ? List.of(sm.estimate(d, y)) : sm.estimateBy(d, y, byv);
                break;
            default:
                SurveyRatio sr = SurveyRatio.withDefaults().with(MissingValues.DROP).withConfidenceLevel(level);
                est = by.isEmpty() ? List.of(sr.estimate(d, y, x)) : sr.estimateBy(d, y, x, byv);
        }
        // row-level counts and Kish sums per domain, with the calibrated weights w g
        Map<List<String>, Dom> doms = new LinkedHashMap<>();
        java.util.Set<Cell> counted = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            Cell c = rowCell.get(i);
            double g = wcal[i] / w0[i];
            List<String> dk = c.key.subList(0, by.size());
            Dom dm = doms.computeIfAbsent(dk, k -> new Dom(Map.of(), k));
            GroupedSums.Group s = c.complete;
            if (counted.add(c)) {
                dm.n += s.rows();
                dm.dropped += s.missing();
            }
            if (!Double.isNaN(yv[i])) {
                dm.sw += g * s.sum(0, 0, nt);
                dm.swy += g * s.sum(0, 1, nt);
                if (ratio) {
                    dm.swx += g * s.sum(0, 2, nt);
                    dm.swyy += g * s.sum(0, 3, nt);
                    dm.swxy += g * s.sum(0, 4, nt);
                    dm.swxx += g * s.sum(0, 5, nt);
                } else {
                    dm.swyy += g * s.sum(0, 2, nt);
                }
            }
        }
        String name = ratio ? y + "/" + x : y;
        List<SurveyEstimate> out = new ArrayList<>();
        for (SurveyEstimate r : est) {
            List<String> dk = new ArrayList<>();
            for (String bv : by) {
                dk.add(r.getDomain().get(bv));
            }
            Dom dm = doms.get(dk);
            if (dm == null) {
                throw new IllegalStateException("domain " + r.getDomain() + " not among the cells");
            }
            if (!ratio) {
                dm.swx = dm.sw;
                dm.swxy = dm.swy;
                dm.swxx = dm.sw;
            }
            dm.estimate = r.getEstimate();
            double variance = r.getStandardError() * r.getStandardError();
            double[] deff = designEffects(kind, dm, variance);
            int df = r.getDegreesOfFreedom();
            if (binary) {
                double[] iv = ProportionIntervals.interval(ci, r.getEstimate(), variance, level, df, dm.n + dm.dropped,
                        dm.n, null);
                out.add(new SurveyProportion.Result(name, r.getDomain(), r.getEstimate(), r.getStandardError(),
                        new Interval(iv[0], iv[1], level, ci.proportionInterval(), df), deff[0], deff[1], dm.n, df,
                        dm.dropped));
                continue;
            }
            out.add(result(kind, name, r.getDomain(), r.getEstimate(), r.getStandardError(), r.getConfidenceInterval(),
                    deff, dm.n, df, dm.dropped));
        }
        return new Result(e.rows(), d.strataCount(), d.psuCount(), d.weightSum(), "linearization", out);
    }

    /** The design's figures (rows, strata, PSUs, weight sum, variance method), without estimates. */
    private Result figures(AggregationEngine e, Skeleton sk) {
        String method;
        int strataCount;
        int psuCount;
        if (replicates != null) {
            method = replicates.type().name().toLowerCase(Locale.ROOT);
            strataCount = strata == null ? 1 : e.counts(SumRequest.counts(List.of(strata))).groups().size();
            psuCount = cluster == null ? Math.toIntExact(e.rows())
                    : e.counts(SumRequest.counts(strata == null ? List.of(cluster) : List.of(strata, cluster))).groups().size();
        } else {
            method = "linearization";
            strataCount = sk.strataCount;
            psuCount = sk.psuKeys.size();
        }
        double weightSum = 0;
        for (GroupedSums.Group g : e.sums(SumRequest.of(List.of(), List.of(weights), List.of(Term.one()))).groups()) {
            weightSum += g.sum(0, 0, 1);
        }
        return new Result(e.rows(), strataCount, psuCount, weightSum, method, List.of());
    }

    /** @return the sampling-weight column (null until {@link #withWeights(String)}) */
    public String getWeights() {
        return weights;
    }

    /** @return the supplied replicate weights, or null for linearization */
    public ReplicateWeightSpec getReplicateWeights() {
        return replicates;
    }

    /** @return the missing-value handling */
    public MissingValues getMissingValues() {
        return missing;
    }

    /** @return the confidence level */
    public double getConfidenceLevel() {
        return level;
    }

    /**
     * The design's figures on an engine's data, for an estimator finished elsewhere (the engine GLM).
     * @param e the data
     * @return rows, strata, PSUs, weight sum and variance method, with no estimates
     */
    public Result describe(AggregationEngine e) {
        requireDesign(e);
        return figures(e, replicates == null ? skeleton(e) : null);
    }

    private void requireDesign(AggregationEngine e) {
        Objects.requireNonNull(e, "engine");
        if (weights == null) {
            throw PrevalenceException.invalidArgument("--weights", "an aggregation engine needs a weight column "
                    + "(--weights W)");
        }
        if (replicates == null && cluster == null) {
            throw PrevalenceException.invalidArgument("--cluster", "linearization on an aggregation engine needs "
                    + "the PSU column (--cluster PSU); without clusters use --engine memory, or give replicate weights");
        }
    }

    /**
     * The linearization design of an engine's data with one row per PSU, for estimators that push
     * per-PSU totals of their influence values down (the engine GLM: the PSU totals of
     * \( A^{-1} x_i s_i \) are \( A^{-1} \) times the PSU score totals).
     * @param e the data
     * @return the PSU design (strata, fpc and lonely-PSU rules as the in-JVM path)
     * @throws PrevalenceException on a replicate-weight configuration, or as {@link #total}
     */
    public PsuDesign psuDesign(AggregationEngine e) {
        requireDesign(e);
        if (replicates != null) {
            throw PrevalenceException.invalidArgument("design", "a replicate-weight design has no linearization "
                    + "variance; use replicateCovariance");
        }
        Skeleton sk = skeleton(e);
        List<String> cols = new ArrayList<>();
        if (strata != null) {
            cols.add(strata);
        }
        cols.add(cluster);
        return new PsuDesign(sk, cols);
    }

    /**
     * A design whose rows are the PSUs of an engine's data (see {@link #psuDesign}). This class is immutable.
     */
    public static final class PsuDesign {
        private final Skeleton sk;
        private final List<String> columns;

        private PsuDesign(Skeleton sk, List<String> columns) {
            this.sk = sk;
            this.columns = List.copyOf(columns);
        }

        /** @return the group columns whose values name a PSU: the strata (if any), then the cluster */
        public List<String> columns() {
            return columns;
        }

        /** @return the number of PSUs */
        public int psus() {
            return sk.psuKeys.size();
        }

        /** @return the number of strata */
        public int strata() {
            return sk.strataCount;
        }

        /**
         * The linearization covariance of the sum of influence vectors, from their PSU totals (the
         * skeleton's {@link InfluenceVariance#linearizationCovariance}).
         * @param totals per PSU key (values of {@link #columns()}), that PSU's total of the p influence
         *     values; PSUs absent total 0
         * @param p the dimension
         * @return the p x p covariance
         */
        public double[][] covariance(Map<List<String>, double[]> totals, int p) {
            double[][] z = new double[p][sk.psuKeys.size()];
            for (Map.Entry<List<String>, double[]> t : totals.entrySet()) {
                Integer k = sk.psuIndex.get(t.getKey());
                if (k == null) {
                    throw new IllegalArgumentException("no PSU " + t.getKey());
                }
                for (int a = 0; a < p; a++) {
                    z[a][k] = t.getValue()[a];
                }
            }
            return InfluenceVariance.of(sk.design).linearizationCovariance(z);
        }

        /**
         * @param used the PSU keys with a used row, or null when every row is used
         * @return the PSUs minus the strata among them (R's {@code degf} of the used rows)
         */
        public int degreesOfFreedom(java.util.Set<List<String>> used) {
            if (used == null) {
                return sk.design.degreesOfFreedom();
            }
            boolean[] seen = new boolean[sk.strataCount];
            int psus = 0;
            int strataSeen = 0;
            for (List<String> key : used) {
                Integer k = sk.psuIndex.get(key);
                if (k == null) {
                    continue;
                }
                psus++;
                if (!seen[sk.psuStratum[k]]) {
                    seen[sk.psuStratum[k]] = true;
                    strataSeen++;
                }
            }
            return psus - strataSeen;
        }

        @Override
        public String toString() {
            return "EngineSurvey.PsuDesign[" + psus() + " PSUs, " + strata() + " strata]";
        }
    }

    /**
     * The replicate covariance of a vector statistic (R's {@code svrVar}) from its replicate estimates.
     * @param theta the replicate estimates [replicate][component], one per replicate-weight column
     * @param full the full-sample estimates
     * @return the covariance matrix
     * @throws PrevalenceException without replicate weights
     */
    public double[][] replicateCovariance(double[][] theta, double[] full) {
        return replicateSummary(0).covariance(theta, full);
    }

    /**
     * @param e the data
     * @param complete the columns whose missing value leaves a row out (none: every row)
     * @return the rank of the replicate weights of the complete rows minus 1 (R's {@code degf})
     */
    public int replicateDegreesOfFreedom(AggregationEngine e, List<String> complete) {
        replicateSummary(0);
        return replicateRank(e, List.of(), complete).getOrDefault(List.of(), replicates.columns().size()) - 1;
    }

    private ReplicateVariance replicateSummary(int df) {
        if (replicates == null) {
            throw PrevalenceException.invalidArgument("design", "the design has no replicate weights");
        }
        return ReplicateVariance.ofSummary(replicates.type().name().toLowerCase(Locale.ROOT), replicates.scale(),
                replicates.rscales(), replicates.centre(), df);
    }

    /** @return the result of a total, mean or ratio with these figures ({@code deff} = deff, deff with replacement) */
    private static SurveyEstimate result(Linear.Kind kind, String name, Map<String, String> label, double estimate,
                                         double se, Interval interval, double[] deff, long n, int df, long dropped) {
        switch (kind) {
            case TOTAL:
                return new SurveyTotal.Result(name, label, estimate, se, interval, deff[0], deff[1], n, df, dropped);
            case MEAN:
                return new SurveyMean.Result(name, label, estimate, se, interval, deff[0], deff[1], n, df, dropped);
            default:
                return new SurveyRatio.Result(name, label, estimate, se, interval, deff[0], deff[1], n, df, dropped);
        }
    }

    private static void requireNumeric(AggregationEngine e, String column, String role) {
        if (EngineErrors.requireColumn(column, e.columns()) == ColumnType.TEXT) {
            throw PrevalenceException.invalidArgument("column '" + column + "'", "column '%s' holds text; on an "
                    + "aggregation engine a %s must be numeric or logical (the levels of a text variable are estimated "
                    + "with --engine memory)", column, role);
        }
    }

    private static void checkWeights(GroupedSums.WeightCheck c, boolean sampling) {
        boolean ok = c.missing() == 0 && (sampling ? c.min() > 0 : c.min() >= 0) && c.max() < Double.POSITIVE_INFINITY;
        if (!ok) {
            throw PrevalenceException.invalidData("column '" + c.column() + "'", sampling
                    ? "column '%s': every sampling weight must be a finite number > 0 (smallest %s, largest %s, %d missing)"
                    : "column '%s': every replicate weight must be a finite number >= 0 (smallest %s, largest %s, %d missing)",
                    c.column(), c.min(), c.max(), c.missing());
        }
    }

    private static PrevalenceException missingValues(AggregationEngine e, Dom d, List<String> cols) {
        return missingValues(e, cols, d.dropped, " of " + Linear.domainText(d.label));
    }

    /**
     * The error for rows with a missing value where none may be, the same on every engine path.
     * @param e the data
     * @param cols the columns that must be complete; the message names the first with a missing value
     * @param rows the number of incomplete rows
     * @param of what the rows belong to, e.g. {@code " of domain ..."} (empty for the whole data)
     * @return the error (INVALID_DATA, naming the column; the remedy: drop them or fill them in)
     */
    public static PrevalenceException missingValues(AggregationEngine e, List<String> cols, long rows, String of) {
        String col = cols.get(0);
        for (String c : cols) {
            GroupedSums s = e.sums(new SumRequest(List.of(), List.of(), List.of(), List.of(c)));
            if (!s.groups().isEmpty() && s.groups().get(0).missing() > 0) {
                col = c;
                break;
            }
        }
        return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, "column '" + col + "'",
                String.format(Locale.ROOT, "column '%s': %d rows%s have a missing value", col, rows, of),
                new PrevalenceException.Remedy("drop rows with missing values with with(MissingValues.DROP), or fill them in",
                        "drop rows with missing values with --drop-missing, or fill them in"));
    }

    private static void checkBinary(AggregationEngine e, String y) {
        for (GroupedSums.Group g : e.counts(SumRequest.counts(List.of(y))).groups()) {
            String v = g.keys().get(0);
            if (!v.equals("0") && !v.equals("1") && !v.equals("false") && !v.equals("true")) {
                throw PrevalenceException.invalidData("column '" + y + "'", "column '%s': value %s is not 0 or 1; a "
                        + "proportion needs a 0/1 or logical variable", y, v);
            }
        }
    }

    /** The domains of pass 1 in svyby's order (first by-variable fastest, levels sorted as factor levels). */
    private static List<Dom> domains(AggregationEngine e, GroupedSums a, List<String> by, boolean ratio, String y,
                                     String x) {
        long seen = 0;
        List<Dom> doms = new ArrayList<>();
        for (GroupedSums.Group g : a.groups()) {
            seen += g.rows() + g.missing();
            Map<String, String> label = new LinkedHashMap<>();
            for (int j = 0; j < by.size(); j++) {
                label.put(by.get(j), g.keys().get(j));
            }
            Dom d = new Dom(Collections.unmodifiableMap(label), g.keys());
            d.n = g.rows();
            d.dropped = g.missing();
            int t = ratio ? 6 : 3;
            d.sw = g.sum(0, 0, t);
            d.swy = g.sum(0, 1, t);
            if (ratio) {
                d.swx = g.sum(0, 2, t);
                d.swyy = g.sum(0, 3, t);
                d.swxy = g.sum(0, 4, t);
                d.swxx = g.sum(0, 5, t);
            } else {
                d.swx = d.sw;
                d.swyy = g.sum(0, 2, t);
                d.swxy = d.swy;
                d.swxx = d.sw;
            }
            doms.add(d);
        }
        if (!by.isEmpty() && seen < e.rows()) {
            for (String b : by) {
                GroupedSums c = e.counts(SumRequest.counts(List.of(b)));
                long n = 0;
                for (GroupedSums.Group g : c.groups()) {
                    n += g.rows();
                }
                if (n < e.rows()) {
                    throw PrevalenceException.invalidData("column '" + b + "'", "column '%s': %d rows have a missing "
                            + "value in a by-variable; every row needs a domain", b, e.rows() - n);
                }
            }
        }
        if (by.isEmpty() && doms.isEmpty()) {
            throw PrevalenceException.invalidData("data", "the data have no rows");
        }
        List<Comparator<String>> order = new ArrayList<>();
        for (String b : by) {
            ColumnType t = e.columns().get(b);
            order.add(t == ColumnType.NUMBER ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        }
        doms.sort((p, q) -> {
            for (int j = by.size() - 1; j >= 0; j--) {
                int c = order.get(j).compare(p.key.get(j), q.key.get(j));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return doms;
    }

    /** Kish (1965) design effects from the pass-1 sums, as {@code Linear.designEffects}. */
    private static double[] designEffects(Linear.Kind kind, Dom d, double variance) {
        boolean ratio = kind == Linear.Kind.RATIO;
        double mean = d.swy / d.sw;
        double ec = ratio ? d.estimate : mean;
        double einv = ratio ? 1 / d.swx : 1;
        // sum w e^2 and sum w e with e = (y - ec x) einv
        double ss = einv * einv * (d.swyy - 2 * ec * d.swxy + ec * ec * d.swxx);
        double se1 = einv * (d.swy - ec * d.swx);
        double nk = d.n;
        double n1 = d.sw;
        double m1 = se1 / n1;
        double s2 = (ss / n1 - m1 * m1) * nk / (nk - 1);
        double vsrs;
        double vsrsRep;
        if (kind == Linear.Kind.MEAN) {
            vsrs = n1 < nk ? Double.NaN : s2 * (n1 - nk) / (n1 * nk);
            vsrsRep = s2 / nk;
        } else {
            vsrs = s2 * n1 * n1 * (n1 - nk) / (n1 * nk);
            vsrsRep = s2 * n1 * n1 / nk;
        }
        return new double[] {nk > 1 ? variance / vsrs : Double.NaN, nk > 1 ? variance / vsrsRep : Double.NaN};
    }

    private void replicateVariances(AggregationEngine e, Linear.Kind kind, String y, String x, List<String> missCols,
                                    List<String> by, List<Dom> doms, boolean binary, double[] variance, int[] df) {
        List<String> cols = replicates.columns();
        int R = cols.size();
        List<Term> terms = kind == Linear.Kind.TOTAL ? List.of(Term.of(y))
                : kind == Linear.Kind.MEAN ? List.of(Term.one(), Term.of(y)) : List.of(Term.of(y), Term.of(x));
        GroupedSums s = e.sums(new SumRequest(by, cols, terms, missCols));
        for (GroupedSums.WeightCheck c : s.weightChecks()) {
            checkWeights(c, false);
        }
        int designDf = replicateRank(e, List.of()).getOrDefault(List.of(), R) - 1;
        ReplicateVariance rv = replicateSummary(designDf);
        int t = terms.size();
        for (int k = 0; k < doms.size(); k++) {
            Dom d = doms.get(k);
            GroupedSums.Group g = s.group(d.key);
            double[] theta = new double[R];
            for (int r = 0; r < R; r++) {
                switch (kind) {
                    case TOTAL:
                        theta[r] = g.sum(r, 0, t);
                        break;
                    case MEAN:
                        theta[r] = g.sum(r, 1, t) / g.sum(r, 0, t);
                        break;
                    default:
                        theta[r] = g.sum(r, 0, t) / g.sum(r, 1, t);
                }
            }
            variance[k] = rv.variance(theta, d.estimate);
            df[k] = designDf;
        }
        if (binary && !by.isEmpty()) {
            // svyciprop on the subset design: the rank of the domain rows' replicate weights minus 1
            Map<List<String>, Integer> ranks = replicateRank(e, by);
            for (int k = 0; k < doms.size(); k++) {
                df[k] = ranks.get(doms.get(k).key) - 1;
            }
        }
    }

    /** The rank of the replicate weights in each group (R when rows x R^2 exceeds 4e8, as in-JVM). */
    private Map<List<String>, Integer> replicateRank(AggregationEngine e, List<String> groups) {
        return replicateRank(e, groups, List.of());
    }

    /** As {@link #replicateRank(AggregationEngine, List)} over the rows complete in {@code complete}. */
    private Map<List<String>, Integer> replicateRank(AggregationEngine e, List<String> groups, List<String> complete) {
        List<String> cols = replicates.columns();
        int R = cols.size();
        Map<List<String>, Integer> out = new HashMap<>();
        GroupedSums counts = e.sums(new SumRequest(groups, List.of(), List.of(), complete));
        boolean all = true;
        for (GroupedSums.Group g : counts.groups()) {
            if (ReplicateVariance.rankAssumed(g.rows(), R)) {
                out.put(g.keys(), R);
            } else {
                all = false;
            }
        }
        if (all) {
            return out;
        }
        List<Term> pairs = new ArrayList<>();
        for (int p = 0; p < R; p++) {
            for (int q = p; q < R; q++) {
                pairs.add(Term.product(cols.get(p), cols.get(q)));
            }
        }
        // in requests of at most GRAM_CHUNK products (a query of thousands of sums is slow to plan)
        Map<List<String>, double[]> sums = new HashMap<>();
        for (int from = 0; from < pairs.size(); from += GRAM_CHUNK) {
            int to = Math.min(pairs.size(), from + GRAM_CHUNK);
            GroupedSums part = e.sums(new SumRequest(groups, List.of(), pairs.subList(from, to), complete));
            for (GroupedSums.Group g : part.groups()) {
                double[] acc = sums.computeIfAbsent(g.keys(), k -> new double[pairs.size()]);
                System.arraycopy(g.sums(), 0, acc, from, to - from);
            }
        }
        for (Map.Entry<List<String>, double[]> g : sums.entrySet()) {
            if (out.containsKey(g.getKey())) {
                continue;
            }
            double[][] m = new double[R][R];
            int j = 0;
            for (int p = 0; p < R; p++) {
                for (int q = p; q < R; q++) {
                    m[p][q] = g.getValue()[j];
                    m[q][p] = m[p][q];
                    j++;
                }
            }
            out.put(g.getKey(), ReplicateVariance.rankOfGram(m));
        }
        return out;
    }

    /** The design with one row per PSU: strata, fpc and lonely-PSU rules for {@link LinearizationVariance}. */
    private static final class Skeleton {
        final Map<List<String>, Integer> psuIndex = new HashMap<>();
        final List<List<String>> psuKeys = new ArrayList<>();
        int strataCount;
        LinearizationVariance variance;
        SurveyDesign design;
        int[] psuStratum;
    }

    private Skeleton skeleton(AggregationEngine e) {
        List<String> g = new ArrayList<>();
        if (strata != null) {
            g.add(strata);
        }
        g.add(cluster);
        if (fpc != null) {
            requireNumeric(e, fpc, "fpc");
            g.add(fpc);
        }
        GroupedSums c = e.counts(SumRequest.counts(g));
        long n = 0;
        for (GroupedSums.Group x : c.groups()) {
            n += x.rows();
        }
        if (n < e.rows()) {
            for (String col : g) {
                long m = 0;
                for (GroupedSums.Group x : e.counts(SumRequest.counts(List.of(col))).groups()) {
                    m += x.rows();
                }
                if (m < e.rows()) {
                    throw PrevalenceException.invalidData("column '" + col + "'", "column '%s': %d rows have a missing "
                            + "%s", col, e.rows() - m, col.equals(fpc) ? "fpc" : col.equals(strata) ? "stratum id" : "cluster id");
                }
            }
        }
        Skeleton sk = new Skeleton();
        Map<String, Integer> stratumCode = new LinkedHashMap<>();
        Map<String, String> psuStratumLabel = new HashMap<>();
        List<Integer> st = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        int sOff = strata == null ? 0 : 1;
        for (GroupedSums.Group x : c.groups()) {
            String s = strata == null ? "" : x.keys().get(0);
            String p = x.keys().get(sOff);
            List<String> key = strata == null ? List.of(p) : List.of(s, p);
            if (sk.psuIndex.containsKey(key)) {
                throw PrevalenceException.invalidData("column '" + fpc + "'", "column '%s': the fpc varies within "
                        + "PSU '%s'; it must be constant within a stratum", fpc, p);
            }
            String other = psuStratumLabel.put(p, s);
            if (!nest && other != null && !other.equals(s)) {
                throw PrevalenceException.invalidData("column '" + cluster + "'", "PSU '%s' (column '%s') is in "
                        + "strata '%s' and '%s'; clusters are not nested in strata: use --nest (nest()) if PSU ids are "
                        + "reused across strata", p, cluster, other, s);
            }
            stratumCode.putIfAbsent(s, stratumCode.size());
            sk.psuIndex.put(key, sk.psuKeys.size());
            sk.psuKeys.add(key);
            st.add(stratumCode.get(s));
            if (fpc != null) {
                f.add(Double.parseDouble(x.keys().get(sOff + 1)));
            }
        }
        sk.strataCount = stratumCode.size();
        int P = sk.psuKeys.size();
        int[] stratumIds = new int[P];
        int[] psuIds = new int[P];
        sk.psuStratum = new int[P];
        for (int p = 0; p < P; p++) {
            stratumIds[p] = st.get(p);
            psuIds[p] = p;
            sk.psuStratum[p] = st.get(p);
        }
        SurveyDesign.Builder b = SurveyDesign.builder(P).equalProbability().clusters(psuIds).lonelyPsu(lonely);
        if (strata != null) {
            b.strata(stratumIds);
        }
        if (fpc != null) {
            double[] fv = new double[P];
            for (int p = 0; p < P; p++) {
                fv[p] = f.get(p);
            }
            b.fpc(fv);
        }
        SurveyDesign d;
        try {
            d = b.build();
        } catch (PrevalenceException ex) {
            // the skeleton's rows are PSUs: name the design, not a skeleton row
            throw new PrevalenceException(ex.what(), "design", "the design (one row per PSU): "
                    + ex.getMessage().replaceAll("row \\d+(, column '[^']*')?: ", ""));
        }
        sk.variance = LinearizationVariance.of(d);
        sk.design = d;
        return sk;
    }

    private void linearizationVariances(AggregationEngine e, Linear.Kind kind, String y, String x, List<String> missCols,
                                        List<String> by, List<Dom> doms, Skeleton sk, double[] variance, int[] df) {
        List<String> g = new ArrayList<>(by);
        if (strata != null && !g.contains(strata)) {
            g.add(strata);
        }
        if (!g.contains(cluster)) {
            g.add(cluster);
        }
        int si = strata == null ? -1 : g.indexOf(strata);
        int ci = g.indexOf(cluster);
        List<Term> terms = kind == Linear.Kind.RATIO ? List.of(Term.of(y), Term.of(x)) : List.of(Term.of(y), Term.one());
        GroupedSums s = e.sums(new SumRequest(g, List.of(weights), terms, missCols));
        int P = sk.psuKeys.size();
        Map<List<String>, Integer> domIndex = new HashMap<>();
        for (int k = 0; k < doms.size(); k++) {
            domIndex.put(doms.get(k).key, k);
        }
        int D = doms.size();
        double[][] z = new double[D][P];
        boolean[][] in = new boolean[D][P];
        boolean[][] seen = new boolean[D][P];
        int nb = by.size();
        for (GroupedSums.Group grp : s.groups()) {
            List<String> keys = grp.keys();
            int k = domIndex.get(keys.subList(0, nb));
            int p = sk.psuIndex.get(si < 0 ? List.of(keys.get(ci)) : List.of(keys.get(si), keys.get(ci)));
            Dom d = doms.get(k);
            double sy = grp.sum(0, 0, 2);
            double sx = grp.sum(0, 1, 2);
            // z = w (y - zc x) zinv: total zc = 0, zinv = 1; mean zc = ybar, zinv = 1/sum(w); ratio zc = R, zinv = 1/X
            double zc = kind == Linear.Kind.TOTAL ? 0 : d.estimate;
            double zinv = kind == Linear.Kind.TOTAL ? 1 : 1 / d.swx;
            z[k][p] = (sy - zc * sx) * zinv;
            in[k][p] = grp.rows() > 0;
            seen[k][p] = grp.rows() + grp.missing() > 0;
        }
        for (int k = 0; k < D; k++) {
            variance[k] = sk.variance.variance(z[k], in[k]);
            if (nb == 0) {
                df[k] = P - sk.strataCount;
            } else {
                boolean[] stratumSeen = new boolean[sk.strataCount];
                int psus = 0;
                int strataSeen = 0;
                for (int p = 0; p < P; p++) {
                    if (seen[k][p]) {
                        psus++;
                        if (!stratumSeen[sk.psuStratum[p]]) {
                            stratumSeen[sk.psuStratum[p]] = true;
                            strataSeen++;
                        }
                    }
                }
                df[k] = psus - strataSeen;
            }
        }
    }
}
