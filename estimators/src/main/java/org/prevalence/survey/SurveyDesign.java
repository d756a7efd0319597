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
 * ({@code survey::svydesign}); the variance is computed by a separate engine,
 * {@link LinearizationVariance} (R's {@code svyrecvar}), from the linearized values an estimator
 * produces; a replicate-weight engine can use the same linearized values or the replicate weights
 * kept in the design. The design copies what it needs from the sample into its own arrays and
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
    private final int strataCount;
    private final int psuCount;
    private final int[] psu;
    private final int[] psuStratum;
    /** PSUs of stratum h are psuOrder[stratumStart[h] .. stratumStart[h+1]). */
    private final int[] stratumStart;
    private final int[] psuOrder;
    private final double[] f1;
    private final double[] stage1Fraction;
    private final List<String> stratumLabels;
    private final List<String> psuLabels;
    private final boolean multistage;
    private final int ssuCount;
    private final int[] ssu;
    /** SSUs of PSU p are ssuOrder[psuSsuStart[p] .. psuSsuStart[p+1]). */
    private final int[] psuSsuStart;
    private final int[] ssuOrder;
    private final double[] f2;
    private final LonelyPsu lonelyPsu;
    private final DomainLonelyPsu domainLonelyPsu;
    private final Map<String, double[]> numeric;
    /** Text variables holding numbers and a cell that is not one: the refusal, naming that cell. */
    private final Map<String, PrevalenceException> notNumeric;
    /** Replicate-weight variance engine, or null for linearization (set by ReplicateDesign). */
    private final ReplicateVariance replicates;
    /** Calibration projections applied to linearized values, or null (set by the calibration classes). */
    private final CalibrationProjection calibration;

    private SurveyDesign(SurveySample s, LonelyPsu lonely, DomainLonelyPsu domainLonely) {
        this.replicates = null;
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
        this.n = s.rows();
        this.w = s.weights();
        double sw = 0;
        for (double x : w) {
            sw += x;
        }
        this.weightSum = sw;
        this.strataCount = s.strataCount();
        this.psuCount = s.psuCount();
        this.psu = s.psuCodes();
        this.psuStratum = s.psuStratum();
        this.stratumLabels = s.stratumLabels();
        this.psuLabels = s.psuLabels();
        int[] count = new int[strataCount + 1];
        for (int p = 0; p < psuCount; p++) {
            count[psuStratum[p] + 1]++;
        }
        for (int h = 0; h < strataCount; h++) {
            count[h + 1] += count[h];
        }
        this.stratumStart = count.clone();
        this.psuOrder = new int[psuCount];
        int[] fill = count.clone();
        for (int p = 0; p < psuCount; p++) {
            psuOrder[fill[psuStratum[p]]++] = p;
        }
        double[] pop = s.stratumPopulation();
        this.f1 = new double[strataCount];
        this.stage1Fraction = new double[strataCount];
        for (int h = 0; h < strataCount; h++) {
            int nh = stratumStart[h + 1] - stratumStart[h];
            // R onestrat: f = (N - n)/N, 1 without fpc or with an infinite population
            f1[h] = pop[h] == Double.POSITIVE_INFINITY ? 1.0 : (pop[h] - nh) / pop[h];
            stage1Fraction[h] = nh / pop[h];
        }
        double[] pop2 = s.psuPopulation();
        this.multistage = s.stages() == 2 && pop2 != null;
        if (multistage) {
            this.ssuCount = s.ssuCount();
            this.ssu = s.ssuCodes();
            int[] ssuPsu = s.ssuPsu();
            int[] c2 = new int[psuCount + 1];
            for (int q = 0; q < ssuCount; q++) {
                c2[ssuPsu[q] + 1]++;
            }
            for (int p = 0; p < psuCount; p++) {
                c2[p + 1] += c2[p];
            }
            this.psuSsuStart = c2.clone();
            this.ssuOrder = new int[ssuCount];
            int[] f = c2.clone();
            for (int q = 0; q < ssuCount; q++) {
                ssuOrder[f[ssuPsu[q]]++] = q;
            }
            this.f2 = new double[psuCount];
            for (int p = 0; p < psuCount; p++) {
                int m = psuSsuStart[p + 1] - psuSsuStart[p];
                f2[p] = pop2[p] == Double.POSITIVE_INFINITY ? 1.0 : (pop2[p] - m) / pop2[p];
            }
        } else {
            this.ssuCount = 0;
            this.ssu = null;
            this.psuSsuStart = null;
            this.ssuOrder = null;
            this.f2 = null;
        }
        this.lonelyPsu = lonely;
        this.domainLonelyPsu = domainLonely;
        Map<String, double[]> num = new TreeMap<>();
        for (String name : s.numericNames()) {
            num.put(name, s.numeric(name));
        }
        this.numeric = Collections.unmodifiableMap(num);
    }

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, DomainLonelyPsu domainLonely) {
        this(d, lonely, domainLonely, d.w, d.weightSum);
    }

    private SurveyDesign(SurveyDesign d, LonelyPsu lonely, DomainLonelyPsu domainLonely, double[] w, double weightSum) {
        this(d, lonely, domainLonely, w, weightSum, d.replicates, d.calibration);
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
        this.replicates = replicates;
        this.calibration = calibration;
        this.fpcKind = d.fpcKind;
        this.stages = d.stages;
        this.replicateSpec = d.replicateSpec;
        this.replicateWeights = d.replicateWeights;
        this.factors = d.factors;
        this.n = d.n;
        this.w = w;
        this.weightSum = weightSum;
        this.strataCount = d.strataCount;
        this.psuCount = d.psuCount;
        this.psu = d.psu;
        this.psuStratum = d.psuStratum;
        this.stratumStart = d.stratumStart;
        this.psuOrder = d.psuOrder;
        this.f1 = d.f1;
        this.stage1Fraction = d.stage1Fraction;
        this.stratumLabels = d.stratumLabels;
        this.psuLabels = d.psuLabels;
        this.multistage = d.multistage;
        this.ssuCount = d.ssuCount;
        this.ssu = d.ssu;
        this.psuSsuStart = d.psuSsuStart;
        this.ssuOrder = d.ssuOrder;
        this.f2 = d.f2;
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
        double sw = 0;
        for (double x : weights) {
            sw += x;
        }
        return new SurveyDesign(this, lonelyPsu, domainLonelyPsu, weights, sw);
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
        return strataCount;
    }

    /** @return the number of PSUs */
    public int psuCount() {
        return psuCount;
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
        return replicates != null ? replicates.degreesOfFreedom() : psuCount - strataCount;
    }

    /**
     * @return the variance method: {@code "linearization"}, or the replicate method, e.g.
     *     {@code "jkn"}, {@code "fay:0.5"}, {@code "bootstrap"}
     */
    public String varianceMethod() {
        return replicates == null ? "linearization" : replicates.method();
    }

    /** @return whether variances come from replicate weights ({@link ReplicateDesign}) */
    public boolean isReplicate() {
        return replicates != null;
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

    /** @return whether the two-stage variance formula is used (fpc at both stages) */
    public boolean isMultistage() {
        return multistage;
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
        return psu;
    }

    /** @return the stratum index [PSU], 0 .. {@link #strataCount()}-1: not copied, do not modify */
    int[] psuStratum() {
        return psuStratum;
    }

    /**
     * PSUs of stratum h are {@code psuOrder()[stratumStart()[h] .. stratumStart()[h+1])}.
     * @return the stratum starts [stratum + 1]: not copied, do not modify
     */
    int[] stratumStart() {
        return stratumStart;
    }

    /** @return the PSUs ordered by stratum (see {@link #stratumStart()}): not copied, do not modify */
    int[] psuOrder() {
        return psuOrder;
    }

    /**
     * @return the stage-1 fpc factor \( (N_h - n_h)/N_h \) [stratum], 1 without fpc: not copied, do
     *     not modify
     */
    double[] f1() {
        return f1;
    }

    /** @return the stage-1 sampling fraction \( n_h/N_h \) [stratum]: not copied, do not modify */
    double[] stage1Fraction() {
        return stage1Fraction;
    }

    /** @return the stratum labels [stratum] */
    List<String> stratumLabels() {
        return stratumLabels;
    }

    /** @return the PSU labels [PSU] */
    List<String> psuLabels() {
        return psuLabels;
    }

    /** @return the number of SSUs (0 unless {@link #isMultistage()}) */
    int ssuCount() {
        return ssuCount;
    }

    /** @return the SSU index [row], or null unless {@link #isMultistage()}: not copied, do not modify */
    int[] ssu() {
        return ssu;
    }

    /**
     * SSUs of PSU p are {@code ssuOrder()[psuSsuStart()[p] .. psuSsuStart()[p+1])}.
     * @return the PSU starts [PSU + 1], or null unless {@link #isMultistage()}: not copied, do not modify
     */
    int[] psuSsuStart() {
        return psuSsuStart;
    }

    /**
     * @return the SSUs ordered by PSU (see {@link #psuSsuStart()}), or null unless
     *     {@link #isMultistage()}: not copied, do not modify
     */
    int[] ssuOrder() {
        return ssuOrder;
    }

    /**
     * @return the stage-2 fpc factor \( (M_p - m_p)/M_p \) [PSU], or null unless
     *     {@link #isMultistage()}: not copied, do not modify
     */
    double[] f2() {
        return f2;
    }

    /** @return the replicate-weight variance engine, or null for linearization (see {@link #isReplicate()}) */
    ReplicateVariance replicateVariance() {
        return replicates;
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
                "SurveyDesign[%s, %s, %s%s, weights sum %s, df %d, fpc %s%s, lonely PSU %s]",
                Format.count(n, "row", "rows"), Format.count(strataCount, "stratum", "strata"),
                Format.count(psuCount, "PSU", "PSUs"),
                multistage ? ", " + Format.count(ssuCount, "SSU", "SSUs") + " (two-stage variance)" : "",
                Format.number(weightSum), degreesOfFreedom(), fpcKind,
                stages == 2 && !multistage ? " (ultimate cluster)" : "", lonelyPsu);
    }

    /** Builds a {@link SurveyDesign}: the {@link SurveySample.Builder} options plus the lonely-PSU rules. */
    public static final class Builder {
        private final SurveySample.Builder b;
        private LonelyPsu lonely = LonelyPsu.FAIL;
        private DomainLonelyPsu domainLonely = DomainLonelyPsu.ORDINARY;

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

        /** @return the validated design @throws PrevalenceException on invalid input */
        public SurveyDesign build() {
            return new SurveyDesign(b.build(), lonely, domainLonely);
        }
    }
}
