package org.prevalence.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The api/scd test data (copied from shared/refdata/survey with provenance) and R's designs on them. */
final class Fixtures {
    private static final Map<String, Table> TABLES = new HashMap<>();

    private Fixtures() {
    }

    /** Reads a data CSV from the test resources, skipping the '#' provenance lines after the header. */
    static synchronized Table table(String file) {
        return TABLES.computeIfAbsent(file, f -> {
            try (InputStream in = Fixtures.class.getResourceAsStream(f)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + f);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
                return CsvInput.withDefaults().withType("cds", ColumnType.STRING)
                        .withType("flag", ColumnType.DOUBLE).read(text, f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The designs of make_expected.R by their R names.
     * @param name R design name (dsrs, dstrat, dclus1, dclus2, dclus2wr, dsrs_w, dstrat_nofpc,
     *     dclus1_nofpc, dlonely, dpairs, scdnofpc)
     */
    static SurveyDesign design(String name) {
        switch (name) {
            case "dsrs": // svydesign(id=~1, weights=~pw, fpc=~fpc, data=apisrs)
                return SurveyDesign.builder(table("apisrs.csv")).weights("pw").fpc("fpc").build();
            case "dstrat": // svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
                return SurveyDesign.builder(table("apistrat.csv")).strata("stype").weights("pw").fpc("fpc").build();
            case "dclus1": // svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
                return SurveyDesign.builder(table("apiclus1.csv")).clusters("dnum").weights("pw").fpc("fpc").build();
            case "dclus2": // svydesign(id=~dnum+snum, fpc=~fpc1+fpc2, data=apiclus2)
                return SurveyDesign.builder(table("apiclus2.csv")).clusters("dnum", "snum").fpc("fpc1", "fpc2").build();
            case "dclus2wr": // svydesign(id=~dnum+snum, weights=~pw, data=apiclus2)
                return SurveyDesign.builder(table("apiclus2.csv")).clusters("dnum", "snum").weights("pw").build();
            case "dsrs_w": // svydesign(id=~1, weights=~pw, data=apisrs)
                return SurveyDesign.builder(table("apisrs.csv")).weights("pw").build();
            case "dstrat_nofpc": // svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat)
                return SurveyDesign.builder(table("apistrat.csv")).strata("stype").weights("pw").build();
            case "dclus1_nofpc": // svydesign(id=~dnum, weights=~pw, data=apiclus1)
                return SurveyDesign.builder(table("apiclus1.csv")).clusters("dnum").weights("pw").build();
            case "dlonely": // svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat_lonely)
                return SurveyDesign.builder(table("apistrat_lonely.csv")).strata("stype").weights("pw").fpc("fpc").build();
            case "dpairs": // svydesign(id=~dnum, strata=~pair, weights=~pw, data=apiclus2_pairs)
                return SurveyDesign.builder(table("apiclus2_pairs.csv")).clusters("dnum").strata("pair").weights("pw").build();
            case "scdnofpc": // svydesign(data=scd, prob=~1, id=~ambulance, strata=~ESA, nest=TRUE)
                return SurveyDesign.builder(table("scd.csv")).equalProbability().clusters("ambulance").strata("ESA")
                        .nest().build();
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
