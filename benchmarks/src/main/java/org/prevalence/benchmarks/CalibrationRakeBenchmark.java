package org.prevalence.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.prevalence.survey.PopulationCounts;
import org.prevalence.survey.Rake;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;

/**
 * Question: how long does raking the 1,000,000-row synthetic sample of {@link SurveyDesignBenchmark}
 * to two margins (the 20-level domain and the 0/1 variable b) take with R's {@code rake} defaults, in a
 * 1 GB heap, and then a mean with its raking-adjusted linearization SE? Target: raking under
 * 50 ms (R survey 4.1-1 {@code rake} on two margins: 2.3 s). The margins are the sample's weighted
 * counts times fixed factors (5 % up or down by level), rescaled to a common total.
 *
 * <p>Run: java -jar benchmarks/target/benchmarks.jar CalibrationRakeBenchmark
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CalibrationRakeBenchmark extends BenchmarkDefaults {
    SurveyDesign design;
    SurveyDesign raked;
    List<PopulationCounts> margins;
    Rake rake;
    SurveyMean mean;

    /** Builds the synthetic design and two consistent margins. */
    @Setup(Level.Trial)
    public void setUp() {
        SurveyDesignBenchmark.Synthetic s = SurveyDesignBenchmark.Synthetic.generate(1_000_000, 20240601L);
        design = s.design();
        double[] byDomain = new double[SurveyDesignBenchmark.Synthetic.DOMAINS];
        double[] byB = new double[2];
        double total = 0;
        for (int i = 0; i < s.rows; i++) {
            byDomain[s.domain[i]] += s.weights[i] * (s.domain[i] % 2 == 0 ? 1.05 : 0.95);
            byB[(int) s.binary[i]] += s.weights[i] * (s.binary[i] == 1 ? 1.05 : 0.97);
            total += s.weights[i];
        }
        double sd = 0;
        for (double v : byDomain) {
            sd += v;
        }
        Map<String, Double> m1 = new LinkedHashMap<>();
        for (int d = 0; d < byDomain.length; d++) {
            m1.put(s.domainLevels.get(d), byDomain[d] * total / sd);
        }
        Map<String, Double> m2 = new LinkedHashMap<>();
        m2.put("0", byB[0] * total / (byB[0] + byB[1]));
        m2.put("1", byB[1] * total / (byB[0] + byB[1]));
        margins = new ArrayList<>(List.of(PopulationCounts.of("domain", m1), PopulationCounts.of("b", m2)));
        rake = Rake.withDefaults();
        raked = rake.apply(design, margins);
        mean = SurveyMean.withDefaults();
    }

    /** @return the raked design */
    @Benchmark
    public SurveyDesign rake() {
        return rake.apply(design, margins);
    }

    /** @return the mean of y on the raked design, with the raking-adjusted linearization SE */
    @Benchmark
    public SurveyMean.Result meanOnRaked() {
        return mean.estimate(raked, "y");
    }
}
