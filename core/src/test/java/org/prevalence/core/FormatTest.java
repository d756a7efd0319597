package org.prevalence.core;

import org.prevalence.core.IntervalMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void numbersHaveThousandsSeparatorsAndSevenDigits() {
        assertEquals("11,312.99", Format.number(11312.99029));
        assertEquals("2,744", Format.number(2744));
        assertEquals("0.01234568", Format.number(0.0123456789));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("2,744", Format.count(2744));
        assertEquals("95", Format.percent(0.95));
        assertEquals("97.5", Format.percent(0.975));
    }

    @Test
    void noNumberIsEverWrittenInENotation() {
        // the expected texts are the numbers' decimal expansions, rounded to 7 significant digits by hand
        assertEquals("0.00001234568", Format.number(1.2345678e-5));
        assertEquals("1,234,568,000,000,000,000", Format.number(1.2345678e18));
        assertEquals("-0.000000000002", Format.number(-2e-12));
        assertEquals("20900000", Format.plain(2.09e7));
        assertEquals("0.0000123", Format.plain(1.23e-5));
        assertEquals("0.1", Format.plain(0.1));
        assertEquals("-3", Format.plain(-3.0));
        assertEquals("1000000000000000000000", Format.plain(1e21));
        assertEquals("NaN", Format.plain(Double.NaN));
        assertEquals("-Inf", Format.number(Double.NEGATIVE_INFINITY));
        for (double x : new double[] {1e-300, 4.9e-324, 1.7976931348623157e308, 1e7, 1e-3, 123456789.123}) {
            for (String s : new String[] {Format.number(x), Format.plain(x), Format.column(x).get(0)}) {
                org.junit.jupiter.api.Assertions.assertFalse(s.contains("E") || s.contains("e"), x + " -> " + s);
            }
            // plain reads back exactly
            assertEquals(x, Double.parseDouble(Format.plain(x)));
        }
    }

    @Test
    void aColumnHasOneStyleAndCountsTheirNoun() {
        assertEquals(java.util.List.of("662.29", "1,701.50", "NaN"), Format.column(662.2874, 1701.5, Double.NaN));
        assertEquals(java.util.List.of("0.87431694", "0.02185792"), Format.column(0.8743169399, 0.0218579235));
        assertEquals("1 stratum", Format.count(1, "stratum", "strata"));
        assertEquals("2 strata", Format.count(2, "stratum", "strata"));
        assertEquals("0 replicates", Format.count(0, "replicate", "replicates"));
        assertEquals("1,000 replicates", Format.count(1000, "replicate", "replicates"));
    }

    @Test
    void intervalValidatesAndPrints() {
        Interval i = new Interval(9884.402831, 13027.39665, 0.95, IntervalMethod.LOGNORMAL);
        assertEquals("95% lognormal (9,884.4, 13,027.4)", i.toString());
        assertThrows(PrevalenceException.class, () -> new Interval(2, 1, 0.95, IntervalMethod.WALD));
        assertThrows(PrevalenceException.class, () -> new Interval(1, 2, 1.0, IntervalMethod.WALD));
        assertThrows(PrevalenceException.class, () -> new Interval(Double.NaN, 2, 0.9, IntervalMethod.WALD));
    }

    @Test
    void checksAreNanSafe() {
        assertThrows(PrevalenceException.class, () -> Checks.level("level", Double.NaN));
        assertThrows(PrevalenceException.class, () -> Checks.positive("w", Double.NaN));
        assertEquals(0.9, Checks.level("level", 0.9));
    }
}
