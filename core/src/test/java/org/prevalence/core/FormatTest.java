package org.prevalence.core;

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
    void intervalValidatesAndPrints() {
        Interval i = new Interval(9884.402831, 13027.39665, 0.95, "lognormal");
        assertEquals("95% lognormal (9,884.4, 13,027.4)", i.toString());
        assertThrows(PrevalenceException.class, () -> new Interval(2, 1, 0.95, "x"));
        assertThrows(PrevalenceException.class, () -> new Interval(1, 2, 1.0, "x"));
        assertThrows(PrevalenceException.class, () -> new Interval(Double.NaN, 2, 0.9, "x"));
    }

    @Test
    void checksAreNanSafe() {
        assertThrows(PrevalenceException.class, () -> Checks.level("level", Double.NaN));
        assertThrows(PrevalenceException.class, () -> Checks.positive("w", Double.NaN));
        assertEquals(0.9, Checks.level("level", 0.9));
    }
}
