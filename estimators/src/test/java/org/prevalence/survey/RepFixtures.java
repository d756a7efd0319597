package org.prevalence.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.survey.ReplicateCentre;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.core.survey.ReplicateWeightSpec;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The R reference designs of the replicate and calibration tests, built from the resources in
 * {@code org/prevalence/survey/replicate/} (copies of shared/refdata/survey with a provenance line).
 */
final class RepFixtures {
    private static final Map<String, Table> CACHE = new HashMap<>();

    private RepFixtures() {
    }

    static String text(String file) {
        try (InputStream in = RepFixtures.class.getResourceAsStream("replicate/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + file);
            }
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!first && line.startsWith("#")) {
                    continue;
                }
                first = false;
                sb.append(line).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Table table(String file) {
        return CACHE.computeIfAbsent(file, f -> CsvInput.withDefaults()
                .withType("stype", ColumnType.STRING).withType("sch.wide", ColumnType.STRING)
                .withType("cds", ColumnType.STRING).read(text(f), f));
    }

    /** dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1) */
    static SurveyDesign dclus1() {
        return SurveyDesign.builder(table("apiclus1.csv")).clusters("dnum").weights("pw").fpc("fpc").build();
    }

    /** dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat) */
    static SurveyDesign dstrat() {
        return SurveyDesign.builder(table("apistrat.csv")).strata("stype").weights("pw").fpc("fpc").build();
    }

    /** dpairs <- svydesign(id=~dnum, strata=~pair, weights=~pw, data=apiclus2_pairs) */
    static SurveyDesign dpairs() {
        return SurveyDesign.builder(table("apiclus2_pairs.csv")).clusters("dnum").strata("pair").weights("pw").build();
    }

    /** scdnofpc <- svydesign(data=scd, prob=~1, id=~ambulance, strata=~ESA, nest=TRUE) */
    static SurveyDesign scdnofpc() {
        return SurveyDesign.builder(table("scd.csv")).clusters("ambulance").strata("ESA").nest().equalProbability().build();
    }

    /** dlonely <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat_lonely) */
    static SurveyDesign dlonely(LonelyPsu lonely) {
        return SurveyDesign.builder(table("apistrat_lonely.csv")).strata("stype").weights("pw").fpc("fpc")
                .lonelyPsu(lonely).build();
    }

    /**
     * A design on {@code data} with R's exported replicate analysis weights (joined by snum) and the
     * scale/rscales of the scales file, as svrepdesign(repweights, combined.weights=TRUE).
     */
    static SurveyDesign supplied(String data, String repFile, String scalesFile, ReplicateCentre centre) {
        Table t = table(data);
        Table rep = table(repFile);
        Table sc = table(scalesFile);
        int R = rep.columnCount() - 1;
        Map<Integer, Integer> row = new HashMap<>();
        for (int i = 0; i < rep.rowCount(); i++) {
            row.put((int) rep.numberColumn("snum").getDouble(i), i);
        }
        SurveyDesign.Builder b = SurveyDesign.builder(t).weights("pw");
        List<String> names = new ArrayList<>();
        for (int r = 1; r <= R; r++) {
            double[] v = new double[t.rowCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rep.numberColumn("rep" + r).getDouble(row.get((int) t.numberColumn("snum").getDouble(i)));
            }
            b.variable("repw_" + r, v);
            names.add("repw_" + r);
        }
        double[] rs = sc.numberColumn("rscale").asDoubleArray();
        double scale = sc.numberColumn("scale").getDouble(0);
        ReplicateMethod type = typeOf(sc.stringColumn("type").get(0));
        b.replicateWeights(new ReplicateWeightSpec(names, type, scale, rs, centre));
        return ReplicateDesign.supplied(b.build());
    }

    static ReplicateMethod typeOf(String r) {
        switch (r.toLowerCase(Locale.ROOT)) {
            case "jkn":
                return ReplicateMethod.JKN;
            case "fay":
                return ReplicateMethod.FAY;
            default:
                return ReplicateMethod.valueOf(r.toUpperCase(Locale.ROOT));
        }
    }

    /** scdrep <- svrepdesign(data=scd, type="BRR", repweights=2*cbind(...)) (weights all 1) */
    static SurveyDesign scdrep(ReplicateCentre centre) {
        Table t = table("scd.csv");
        Table rep = table("scd_repweights.csv");
        SurveyDesign.Builder b = SurveyDesign.builder(t).equalProbability();
        List<String> names = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            b.variable("repw_" + r, rep.numberColumn("rep" + r).asDoubleArray());
            names.add("repw_" + r);
        }
        b.replicateWeights(new ReplicateWeightSpec(names, ReplicateMethod.BRR,
                ReplicateDesign.defaultScale(ReplicateMethod.BRR, 4, 0), null, centre));
        return ReplicateDesign.supplied(b.build());
    }
}
