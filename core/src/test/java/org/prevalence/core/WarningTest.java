package org.prevalence.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A warning's short form for a table cell. */
class WarningTest {
    @Test
    void summaryIsTheFirstSentence() {
        Warning w = Warning.of(Warning.Kind.BOUNDARY, "The fit is on the boundary. Try a smaller model.");
        assertEquals("The fit is on the boundary. ...", w.summary());
        assertEquals("boundary: The fit is on the boundary. Try a smaller model.", w.toString());
    }

    @Test
    void aLongSentenceStopsBeforeItsParenthesis() {
        String head = "x".repeat(95);
        assertEquals(head, Warning.of(Warning.Kind.DATA, head + " (a long aside)").summary());
        assertEquals("short (aside)", Warning.of(Warning.Kind.DATA, "short (aside)").summary());
    }

    @Test
    void anExplicitBriefWins() {
        Warning w = Warning.of(Warning.Kind.DATA, "A long message. With two sentences.", "needs the order");
        assertEquals("needs the order", w.summary());
        assertEquals("A long message. With two sentences.", w.message());
        assertEquals(new Warning(Warning.Kind.DATA, "m"), Warning.of(Warning.Kind.DATA, "m"));
    }
}
