package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No E-notation in any output format. References: the decimal expansions of the doubles written (exact by
 * construction: 1e7 is ten million, 1.5e-5 is 0.000015), and Double.parseDouble, which must read every
 * CSV and JSON number back to the same double.
 */
class OutputNumbersTest {
    private static final double[] VALUES = {1e7, 1.0E7 + 0.5, 2.5e15, 1.5e-5, 1.2345678e-9, 11312.990290, 0.95, -3e-7,
        123456789012345680.0, 0};

    @Test
    void csvNumbersArePlainAndReadBackExactly() {
        assertEquals("10000000.0", Output.raw(1e7));
        assertEquals("0.000015", Output.raw(1.5e-5));
        assertEquals("2500000000000000.0", Output.raw(2.5e15));
        assertEquals("NA", Output.raw(Double.NaN));
        assertEquals("Inf", Output.raw(Double.POSITIVE_INFINITY));
        for (double x : VALUES) {
            String s = Output.raw(x);
            assertFalse(s.contains("E") || s.contains("e"), s);
            assertEquals(x, Double.parseDouble(s), 0.0, s);
        }
    }

    @Test
    void jsonNumbersArePlainNonFiniteAreNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("big", 1e7);
        m.put("tiny", 1.5e-5);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("list", List.of(2.5e15, 1.2345678e-9));
        String json = Output.json(m);
        assertFalse(json.matches("(?s).*[0-9][eE][-+]?[0-9].*"), json);
        assertEquals("{\"big\":10000000.0,\"tiny\":0.000015,\"nan\":null,\"inf\":null,"
                + "\"list\":[2500000000000000.0,0.0000000012345678]}", json.replaceAll("\\s", ""));
        for (double x : VALUES) {
            String s = Output.json(List.of(x)).replaceAll("[\\s\\[\\]]", "");
            assertEquals(x, Double.parseDouble(s), 0.0, s);
        }
    }

    @Test
    void tableNumbersArePlain() {
        assertEquals("0.00001234568", Output.num(1.2345678e-5));
        assertEquals("2,500,000,000,000,000", Output.num(2.5e15));
        assertEquals("11,312.99", Output.num(11312.99029));
        assertEquals("-", Output.num(Double.NaN));
        assertEquals("0.00012", Plots.tick(1.2e-4));
        assertEquals("25,000", Plots.tick(25000));
    }
}
