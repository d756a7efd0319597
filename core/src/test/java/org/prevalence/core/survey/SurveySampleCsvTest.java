package org.prevalence.core.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.io.CsvReader;
import tech.tablesaw.api.Table;

/** A sample built from CsvReader columns is the sample built from the CsvInput table of the same file. */
class SurveySampleCsvTest {
    static String sample(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("stratum,psu,ssu,w,y,flag,region,mixed\n");
        for (int i = 0; i < rows; i++) {
            int psu = r.nextInt(40);
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%s,%s,%s,%s%n", psu % 4 == 0 ? "\"H\"" : "S" + psu % 4,
                    psu, r.nextInt(3), 1 + r.nextDouble() * 9, r.nextInt(10) == 0 ? "NA" : Double.toString(r.nextGaussian()),
                    r.nextBoolean() ? "TRUE" : "FALSE", "R" + r.nextInt(3), r.nextInt(50) == 0 ? "high" : r.nextInt(9)));
        }
        return sb.toString();
    }

    static CsvColumns columns(String csv, int threads) {
        CsvReader r = CsvReader.withDefaults().withThreads(threads).withChunkSize(512);
        for (String c : List.of("stratum", "psu", "ssu", "region", "flag", "mixed")) {
            r = r.withColumn(c, CsvReader.Kind.CATEGORY);
        }
        r = r.withColumn("w", CsvReader.Kind.NUMBER).withColumn("y", CsvReader.Kind.NUMBER);
        return r.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }

    @Test
    void sameSampleAsFromTheTable() {
        for (long seed = 1; seed <= 5; seed++) {
            String csv = sample(seed, 400);
            Table t = CsvInput.withDefaults().read(csv, "s.csv");
            SurveySample a = SurveySample.builder(t).strata("stratum").clusters("psu", "ssu").weights("w").build();
            for (int threads : new int[] {1, 2}) {
                SurveySample b = SurveySample.builder(columns(csv, threads)).strata("stratum").clusters("psu", "ssu")
                        .weights("w").build();
                assertEquals(a.toString(), b.toString());
                assertArrayEquals(a.weights(), b.weights(), 0.0);
                assertArrayEquals(a.stratumCodes(), b.stratumCodes());
                assertEquals(a.stratumLabels(), b.stratumLabels());
                assertArrayEquals(a.psuCodes(), b.psuCodes());
                assertEquals(a.psuLabels(), b.psuLabels());
                assertArrayEquals(a.ssuCodes(), b.ssuCodes());
                assertEquals(a.numericNames(), b.numericNames());
                assertEquals(a.factorNames(), b.factorNames());
                for (String v : a.numericNames()) {
                    assertArrayEquals(a.numeric(v), b.numeric(v), 0.0, v);
                }
                for (String v : List.of("stratum", "region", "flag", "mixed", "psu")) {
                    assertEquals(a.factor(v).levels(), b.factor(v).levels(), v);
                    assertArrayEquals(a.factor(v).codes(), b.factor(v).codes(), v);
                }
                PrevalenceException ea = a.notNumeric("mixed");
                PrevalenceException eb = b.notNumeric("mixed");
                assertEquals(ea == null, eb == null);
                if (ea != null) {
                    assertEquals(ea.where(), eb.where());
                }
            }
        }
    }

    @Test
    void designColumnErrorsNameTheRow() {
        String csv = "s,p,w\nA,1,2\nA,2,x\nB,3,1\n";
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> SurveySample.builder(columns2(csv))
                .strata("s").clusters("p").weights("w").build());
        assertEquals("row 2, column 'w'", e.where());
        PrevalenceException m = assertThrows(PrevalenceException.class, () -> SurveySample.builder(columns2(
                "s,p,w\nA,1,2\n,2,1\nB,3,1\n")).strata("s").clusters("p").weights("w").build());
        assertEquals("row 2, column 's'", m.where());
    }

    static CsvColumns columns2(String csv) {
        return CsvReader.withDefaults().withColumn("s", CsvReader.Kind.CATEGORY).withColumn("p", CsvReader.Kind.CATEGORY)
                .withColumn("w", CsvReader.Kind.NUMBER)
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }
}
