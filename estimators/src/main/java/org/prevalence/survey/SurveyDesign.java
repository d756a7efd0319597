package org.prevalence.survey;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.survey.Factor;
import org.prevalence.core.survey.FpcKind;
import org.prevalence.core.survey.ReplicateWeightSpec;
import org.prevalence.core.survey.SurveySample;
import tech.tablesaw.api.Table;

/**
 * A survey design ready for estimation: a validated {@link SurveySample} plus the lonely-PSU rules,
 * with the stratum/PSU/SSU indexing precomputed into primitive arrays so that every estimator is
 * a streaming pass over the rows. It plays the role of R's {@code survey.design2} object
 * ({@code survey::svydesign}). The design holds one variance engine, which every estimator asks for
 * its variances and degrees of freedom: {@link LinearizationVariance} (R's {@code svyrecvar}) for a
 * design made from a sample, {@link ReplicateVariance} (R's {@code svrVar}) for one made by
 * {@link ReplicateDesign}. The design copies what it needs from the sample into its own arrays and
 * keeps no reference to the sample (or to a table).
 *
 * <pre>{@code
 * SurveyDesign design = SurveyDesign.builder(apistrat)
 *         .strata("stype").weights("pw").fpc("fpc").lonelyPsu(LonelyPsu.FAIL).build();
 * SurveyMean.Result m = SurveyMean.withDefaults().estimate(design, "api00");
 * }</pre>
 *
 * <p>Variance (see {@link LinearizationVariance}): ultimate-cluster (with-replacement) at stage 1
 * without fpc; with an fpc at stage 1 the factor \( (N_h - n_h)/N_h \); with fpc at both stages the
 * two-stage formula (stage-2 within-PSU variance added, weighted by \( n_h/N_h \)), as R. A two-stage
 * design with an fpc at stage 1 only uses the stage-1 (ultimate cluster) formula.
 *
 * <p>Degrees of freedom: number of PSUs minus number of strata (R's {@code degf}).
 *
 * <p>Why this class is over 500 lines: its {@link Builder} repeats the options of
 * {@link SurveySample.Builder} (one delegating method each), so that a design is made in one chain, and
 * the package-private accessors hand the estimators' streaming passes the index arrays without copies.
 * The index itself is built by {@code DesignIndex}, the variances by the engine.
 *
 * <p>This class is immutable.
 */
public final class SurveyDesign {
    private final FpcKind fpcKind;
    private final int stages;
    private final ReplicateWeightSpec replicateSpec;
    private final double[][] replicateWeights;
    private final Map<String, Factor> factors;
    private final int n;
    private final double[] w;
    private final double weightSum;
    /** Strata, PSUs and SSUs coded and ordered, with the fpc factors of each stage. */
    private final DesignIndex index;
    private final LonelyPsu lonelyPsu;
    private final DomainLonelyPsu domainLonelyPsu;
    private final Map<String, double[]> numeric;
    /** Text variables holding numbers and a cell that is not one: the refusal, naming that cell. */
    private final Map<String, PrevalenceException> notNumeric;
    /** The variance engine: linearization, or the replicate weights set by ReplicateDesign. */
    private final VarianceEngine variance;
    /** Calibration projections applied to linearized values, or null (set by the calibration classes). */
    private final CalibrationProjection calibration;
    /** The PPS-without-replacement stage-1 variance rule, or null (see {@link Pps}). */
    private final PpsVariance pps;

    private SurveyDesign(SurveySample s, LonelyPsu lonely, DomainLonelyPsu domainLonely) {
        this(s, lonely, domainLonely, null);
    }

    private SurveyDesign(SurveySample s, LonelyPsu lonely, DomainLonelyPsu domainLonely, Pps ppsRule) {
        this.variance = new LinearizationVariance(this);
        this.calibration = null;
        this.fpcKind = s.fpcKind();
        this.stages = s.stages();
        this.replicateSpec = s.replicateWeightSpec();
        this.replicateWeights = s.replicateWeights();
        Map<String, Factor> fac = new TreeMap<>();
        Map<String, PrevalenceException> refused = new TreeMap<>();
        for (String name : s.factorNames()) {
            fac.put(name, s.factor(name));
            if (s.notNumeric(name) != null) {
                refused.put(name, s.notNumeric(name));
            }
        }
        this.notNumeric = Collections.unmodifiableMap(refused);
        this.factors = Collections.unmodifiableMap(fac);
        Map<String, double[]> num = new TreeMap<>();
        for (String name : s.numericNames()) {
            num.put(name, s.numeric(name));
        }
        this.numeric = Collections.unmodifiableMap(num);
        this.n = s.rows();
        this.w = s.weights();
        this.weightSum = sum(w);
        this.index = DesignIndex.of(s);
        this.lonelyPsu = lonely;
        this.domainLonelyPsu = domainLonely;
        this.pps = ppsRule == null ? null : PpsVariance.of(ppsRule, index, w, s.weightSource(), s.stages(),
                s.fpcKind() != FpcKind.NONE);
    }

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, DomainLonelyPsu domainLonely) {
        this(d, lonely, domainLonely, d.w, d.weightSum);
    }

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, DomainLonelyPsu domainLonely, double[] w, double weightSum) {
        this(d, lonely, domainLonely, w, weightSum, d.replicateVariance(), d.calibration);
    }

    /**
     * A design sharing {@code d}'s structure with other sampling weights, replicate-variance engine
     * and calibration projections (package-private: used by {@link ReplicateDesign} and the calibration
     * classes).
     */
    SurveyDesign(SurveyDesign d, double[] weights, ReplicateVariance replicates, CalibrationProjection calibration) {
        this(d, d.lonelyPsu, d.domainLonelyPsu, weights, sum(weights), replicates, calibration);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, DomainLonelyPsu domainLonely, double[] w, double weightSum,
                         ReplicateVariance replicates, CalibrationProjection calibration) {
        if (d.pps != null && calibration != null) {
            throw PrevalenceException.invalidArgument("design", "calibration, post-stratification, raking and trimming "
                    + "of a PPS-without-replacement design are not supported; calibrate a design with replacement "
                    + "(probabilities only, no pps rule)");
        }
        this.variance = replicates != null ? replicates : new LinearizationVariance(this);
        this.calibration = calibration;
        this.pps = d.pps;
        this.fpcKind = d.fpcKind;
        this.stages = d.stages;
        this.replicateSpec = d.replicateSpec;
        this.replicateWeights = d.replicateWeights;
        this.factors = d.factors;
        this.n = d.n;
        this.w = w;
        this.weightSum = weightSum;
        this.index = d.index;
        this.numeric = d.numeric;
        this.notNumeric = d.notNumeric;
        this.lonelyPsu = lonely;
        this.domainLonelyPsu = domainLonely;
    }

    /**
     * A design from a validated sample, with {@link LonelyPsu#FAIL} and
     * {@link DomainLonelyPsu#ORDINARY} (R's defaults).
     * @param sample the sample
     * @return the design
     */
    public static SurveyDesign of(SurveySample sample) {
        return new SurveyDesign(Objects.requireNonNull(sample, "sample"), LonelyPsu.FAIL, DomainLonelyPsu.ORDINARY);
    }

    /**
     * Starts a design on a Tablesaw table (see {@link SurveySample#builder(Table)}).
     * @param table the data
     * @return a builder
     */
    public static Builder builder(Table table) {
        return new Builder(SurveySample.builder(table));
    }

    /**
     * Starts a design on columns read by {@code CsvReader} (see
     * {@link SurveySample#builder(org.prevalence.core.io.CsvColumns)}).
     * @param columns the columns
     * @return a builder
     */
    public static Builder builder(org.prevalence.core.io.CsvColumns columns) {
        return new Builder(SurveySample.builder(columns));
    }

    /**
     * As {@link #builder(org.prevalence.core.io.CsvColumns)}, with only {@code variables} as
     * analysis variables (see {@link SurveySample#builder(org.prevalence.core.io.CsvColumns,
     * java.util.Collection)}).
     * @param columns the columns
     * @param variables the analysis variables
     * @return a builder
     */
    public static Builder builder(org.prevalence.core.io.CsvColumns columns, java.util.Collection<String> variables) {
        return new Builder(SurveySample.builder(columns, variables));
    }

    /**
     * Starts a design on primitive arrays of length {@code rows} (see {@link SurveySample#builder(int)}).
     * @param rows the number of rows
     * @return a builder
     */
    public static Builder builder(int rows) {
        return new Builder(SurveySample.builder(rows));
    }

    /** @param v the lonely-PSU rule @return a design sharing this one's arrays, with that rule */
    public SurveyDesign with(LonelyPsu v) {
        return new SurveyDesign(this, Objects.requireNonNull(v, "lonelyPsu"), domainLonelyPsu);
    }

    /** @param v the domain lonely-PSU rule @return a design sharing this one's arrays, with that rule */
    public SurveyDesign with(DomainLonelyPsu v) {
        return new SurveyDesign(this, lonelyPsu, Objects.requireNonNull(v, "domainLonelyPsu"));
    }

    /**
     * The same design with other analysis weights (all indexing shared): the hook for replicate-weight
     * variance, where each replicate's estimate is the estimator run with the replicate's
     * weights. Package-private: the weights array is used as is (not copied, not validated beyond
     * its length).
     */
    SurveyDesign withAnalysisWeights(double[] weights) {
        if (weights.length != n) {
            throw PrevalenceException.invalidArgument("weights", "need %d weights, got %d", n, weights.length);
        }
        return new SurveyDesign(this, lonelyPsu, domainLonelyPsu, weights, sum(weights));
    }

    /** @return a copy of the sampling weights */
    public double[] weights() {
        return w.clone();
    }

    /**
     * @return a copy of the replicate analysis weights [replicate][row] of the sample, or
     *     {@code null}
     */
    public double[][] replicateWeights() {
        if (replicateWeights == null) {
            return null;
        }
        double[][] c = new double[replicateWeights.length][];
        for (int r = 0; r < c.length; r++) {
            c[r] = replicateWeights[r].clone();
        }
        return c;
    }

    /** @return the number of rows */
    public int rows() {
        return n;
    }

    /** @return the number of strata (1 without strata) */
    public int strataCount() {
        return index.strataCount;
    }

    /** @return the number of PSUs */
    public int psuCount() {
        return index.psuCount;
    }

    /** @return the sum of the sampling weights (estimated population size) */
    public double weightSum() {
        return weightSum;
    }

    /**
     * @return PSUs minus strata (R's {@code degf}); for a replicate design the rank of the
     *     replicate weights minus 1, as R's {@code degf.svyrep.design}
     */
    public int degreesOfFreedom() {
        return variance.degreesOfFreedom();
    }

    /**
     * @return the variance method: {@code "linearization"}, or the replicate method, e.g.
     *     {@code "jkn"}, {@code "fay:0.5"}, {@code "bootstrap"}
     */
    public String varianceMethod() {
        return variance.method();
    }

    /** @return whether variances come from replicate weights ({@link ReplicateDesign}) */
    public boolean isReplicate() {
        return variance instanceof ReplicateVariance;
    }

    /** @return whether the weights were post-stratified, raked, calibrated or trimmed */
    public boolean isCalibrated() {
        return calibration != null;
    }

    /** @return the lonely-PSU rule */
    public LonelyPsu lonelyPsu() {
        return lonelyPsu;
    }

    /** @return the domain lonely-PSU rule */
    public DomainLonelyPsu domainLonelyPsu() {
        return domainLonelyPsu;
    }

    /** @return the PPS-without-replacement rule (R {@code svydesign(pps=)}), or {@code null} */
    public Pps pps() {
        return pps == null ? null : pps.rule();
    }

    /** @return the PPS variance engine, or null (read by {@link LinearizationVariance}) */
    PpsVariance ppsVariance() {
        return pps;
    }

    /** @return whether the two-stage variance formula is used (fpc at both stages) */
    public boolean isMultistage() {
        return index.multistage;
    }

    /** @return how the fpc was read */
    public FpcKind fpcKind() {
        return fpcKind;
    }

    /** @return the replicate-weight specification of the sample, or {@code null} */
    public ReplicateWeightSpec replicateWeightSpec() {
        return replicateSpec;
    }

    /**
     * The sampling (analysis) weights, package-private for the estimators' streaming passes.
     * @return the weights [row]: not copied, do not modify
     */
    double[] weightsRef() {
        return w;
    }

    /** @return the PSU index [row], 0 .. {@link #psuCount()}-1: not copied, do not modify */
    int[] psu() {
        return index.psu;
    }

    /** @return the stratum index [PSU], 0 .. {@link #strataCount()}-1: not copied, do not modify */
    int[] psuStratum() {
        return index.psuStratum;
    }

    /**
     * PSUs of stratum h are {@code psuOrder()[stratumStart()[h] .. stratumStart()[h+1])}.
     * @return the stratum starts [stratum + 1]: not copied, do not modify
     */
    int[] stratumStart() {
        return index.stratumStart;
    }

    /** @return the PSUs ordered by stratum (see {@link #stratumStart()}): not copied, do not modify */
    int[] psuOrder() {
        return index.psuOrder;
    }

    /**
     * @return the stage-1 fpc factor \( (N_h - n_h)/N_h \) [stratum], 1 without fpc: not copied, do
     *     not modify
     */
    double[] f1() {
        return index.f1;
    }

    /** @return the stage-1 sampling fraction \( n_h/N_h \) [stratum]: not copied, do not modify */
    double[] stage1Fraction() {
        return index.stage1Fraction;
    }

    /** @return the stratum labels [stratum] */
    List<String> stratumLabels() {
        return index.stratumLabels;
    }

    /** @return the PSU labels [PSU] */
    List<String> psuLabels() {
        return index.psuLabels;
    }

    /** @return the number of SSUs (0 unless {@link #isMultistage()}) */
    int ssuCount() {
        return index.ssuCount;
    }

    /** @return the SSU index [row], or null unless {@link #isMultistage()}: not copied, do not modify */
    int[] ssu() {
        return index.ssu;
    }

    /**
     * SSUs of PSU p are {@code ssuOrder()[psuSsuStart()[p] .. psuSsuStart()[p+1])}.
     * @return the PSU starts [PSU + 1], or null unless {@link #isMultistage()}: not copied, do not modify
     */
    int[] psuSsuStart() {
        return index.psuSsuStart;
    }

    /**
     * @return the SSUs ordered by PSU (see {@link #psuSsuStart()}), or null unless
     *     {@link #isMultistage()}: not copied, do not modify
     */
    int[] ssuOrder() {
        return index.ssuOrder;
    }

    /**
     * @return the stage-2 fpc factor \( (M_p - m_p)/M_p \) [PSU], or null unless
     *     {@link #isMultistage()}: not copied, do not modify
     */
    double[] f2() {
        return index.f2;
    }

    /** @return the variance engine every estimator asks for its variances and degrees of freedom */
    VarianceEngine variance() {
        return variance;
    }

    /** @return the replicate-weight variance engine, or null for linearization (see {@link #isReplicate()}) */
    ReplicateVariance replicateVariance() {
        return variance instanceof ReplicateVariance r ? r : null;
    }

    /**
     * @return the replicate-weight engine (its weights, scale, rscales and centre) for estimators outside this
     *     package that form their own replicate statistics, or null for a linearization design
     */
    public ReplicateVariance replicates() {
        return replicateVariance();
    }

    /** @return the calibration projections applied to linearized values, or null (see {@link #isCalibrated()}) */
    CalibrationProjection calibration() {
        return calibration;
    }

    /** @param name a variable (exact name) @return whether it is a categorical variable of the design */
    boolean hasFactor(String name) {
        return factors.containsKey(name);
    }

    /** @param name a variable (exact name) @return whether it is a numeric variable of the design */
    boolean hasNumeric(String name) {
        return numeric.containsKey(name);
    }

    /**
     * @param name a numeric variable (exact name)
     * @return a copy of its values (NaN = missing)
     */
    public double[] numeric(String name) {
        return numericRef(name).clone();
    }

    double[] numericRef(String name) {
        double[] v = numeric.get(Objects.requireNonNull(name, "variable"));
        if (v == null) {
            if (notNumeric.containsKey(name)) {
                throw notNumeric.get(name);
            }
            if (factors.containsKey(name)) {
                throw PrevalenceException.invalidArgument("column '" + name + "'",
                        "variable '%s' is not numeric; for a categorical variable use the factor or proportion methods", name);
            }
            throw PrevalenceException.invalidArgument("column '" + name + "'",
                    "no variable '%s' in the design; numeric variables: %s", name, numeric.keySet());
        }
        return v;
    }

    /**
     * @param name a variable (categorical, or numeric treated as categorical)
     * @return its codes and levels
     */
    public Factor factor(String name) {
        Factor f = factors.get(Objects.requireNonNull(name, "variable"));
        if (f != null) {
            return new Factor(f.codes().clone(), f.levels());
        }
        double[] v = numeric.get(name);
        if (v == null) {
            throw PrevalenceException.invalidArgument("column '" + name + "'",
                    "no variable '%s' in the design; variables: %s and %s", name, numeric.keySet(), factors.keySet());
        }
        return Factor.ofValues(v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SurveyDesign[%s, %s, %s%s, weights sum %s, df %d, fpc %s%s, lonely PSU %s%s]",
                Format.count(n, "row", "rows"), Format.count(index.strataCount, "stratum", "strata"),
                Format.count(index.psuCount, "PSU", "PSUs"),
                index.multistage ? ", " + Format.count(index.ssuCount, "SSU", "SSUs") + " (two-stage variance)" : "",
                Format.number(weightSum), degreesOfFreedom(), fpcKind,
                stages == 2 && !index.multistage ? " (ultimate cluster)" : "", lonelyPsu,
                pps == null ? "" : ", " + pps.rule());
    }

    /** Builds a {@link SurveyDesign}: the {@link SurveySample.Builder} options plus the lonely-PSU rules. */
    public static final class Builder {
        private final SurveySample.Builder b;
        private LonelyPsu lonely = LonelyPsu.FAIL;
        private DomainLonelyPsu domainLonely = DomainLonelyPsu.ORDINARY;
        private Pps pps;

        private Builder(SurveySample.Builder b) {
            this.b = b;
        }

        /** @param column weights column @return this builder */
        public Builder weights(String column) {
            b.weights(column);
            return this;
        }

        /** @param w weights @return this builder */
        public Builder weights(double[] w) {
            b.weights(w);
            return this;
        }

        /** @param column probabilities column @return this builder */
        public Builder probabilities(String column) {
            b.probabilities(column);
            return this;
        }

        /** @param p probabilities @return this builder */
        public Builder probabilities(double[] p) {
            b.probabilities(p);
            return this;
        }

        /** @return this builder, with every weight 1 */
        public Builder equalProbability() {
            b.equalProbability();
            return this;
        }

        /** @param column strata column @return this builder */
        public Builder strata(String column) {
            b.strata(column);
            return this;
        }

        /** @param ids stratum ids @return this builder */
        public Builder strata(int[] ids) {
            b.strata(ids);
            return this;
        }

        /** @param columns PSU [and SSU] columns @return this builder */
        public Builder clusters(String... columns) {
            b.clusters(columns);
            return this;
        }

        /** @param psu PSU ids @return this builder */
        public Builder clusters(int[] psu) {
            b.clusters(psu);
            return this;
        }

        /** @param psu PSU ids @param ssu SSU ids @return this builder */
        public Builder clusters(int[] psu, int[] ssu) {
            b.clusters(psu, ssu);
            return this;
        }

        /** @param columns fpc column per stage @return this builder */
        public Builder fpc(String... columns) {
            b.fpc(columns);
            return this;
        }

        /** @param perStage fpc values per stage @return this builder */
        public Builder fpc(double[]... perStage) {
            b.fpc(perStage);
            return this;
        }

        /** @return this builder, with PSU ids nested in strata */
        public Builder nest() {
            b.nest();
            return this;
        }

        /** @param spec replicate weights @return this builder */
        public Builder replicateWeights(ReplicateWeightSpec spec) {
            b.replicateWeights(spec);
            return this;
        }

        /** @param name name @param values values @return this builder */
        public Builder variable(String name, double[] values) {
            b.variable(name, values);
            return this;
        }

        /** @param name name @param codes codes @param levels levels @return this builder */
        public Builder factor(String name, int[] codes, List<String> levels) {
            b.factor(name, codes, levels);
            return this;
        }

        /** @param v the lonely-PSU rule (default {@link LonelyPsu#FAIL}) @return this builder */
        public Builder lonelyPsu(LonelyPsu v) {
            lonely = Objects.requireNonNull(v, "lonelyPsu");
            return this;
        }

        /** @param v the domain rule (default {@link DomainLonelyPsu#ORDINARY}) @return this builder */
        public Builder domainLonelyPsu(DomainLonelyPsu v) {
            domainLonely = Objects.requireNonNull(v, "domainLonelyPsu");
            return this;
        }

        /**
         * @param v a PPS-without-replacement rule (R {@code svydesign(pps=)}): the PSU inclusion probabilities are
         *     the design's probabilities; no fpc, one stage
         * @return this builder
         */
        public Builder pps(Pps v) {
            pps = Objects.requireNonNull(v, "pps");
            return this;
        }

        /** @return the validated design @throws PrevalenceException on invalid input */
        public SurveyDesign build() {
            return new SurveyDesign(b.build(), lonely, domainLonely, pps);
        }
    }
}
