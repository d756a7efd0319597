package org.prevalence.survey.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.survey.ReplicateMethod;
import org.prevalence.survey.ReplicateDesign;
import org.prevalence.survey.SurveyDesign;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The designs of {@code model/make_glm_expected.R} on the api data of the survey test resources
 * ({@code org/prevalence/survey/replicate/apistrat.csv}, {@code apiclus1.csv}: copies of
 * shared/refdata/survey with a provenance line; R read the same files).
 */
final class ModelFixtures {
    private static final Map<String, Table> TABLES = new HashMap<>();

    private ModelFixtures() {
    }

    static synchronized Table table(String file) {
        return TABLES.computeIfAbsent(file, f -> {
            try (InputStream in = ModelFixtures.class.getResourceAsStream("/org/prevalence/survey/replicate/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + f);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
                return CsvInput.withDefaults().withType("stype", ColumnType.STRING)
                        .withType("sch.wide", ColumnType.STRING).withType("cds", ColumnType.STRING).read(text, f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat) */
    static SurveyDesign dstrat() {
        return SurveyDesign.builder(table("apistrat.csv")).strata("stype").weights("pw").fpc("fpc").build();
    }

    /** dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1) */
    static SurveyDesign dclus1() {
        return SurveyDesign.builder(table("apiclus1.csv")).clusters("dnum").weights("pw").fpc("fpc").build();
    }

    static SurveyDesign design(String name) {
        switch (name) {
            case "dstrat":
                return dstrat();
            case "dclus1":
                return dclus1();
            case "djkn": // as.svrepdesign(dstrat, type="JKn")
                return ReplicateDesign.withDefaults().with(ReplicateMethod.JKN).build(dstrat());
            case "dclus1jk": // as.svrepdesign(dclus1, type="JK1")
                return ReplicateDesign.withDefaults().with(ReplicateMethod.JK1).build(dclus1());
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
