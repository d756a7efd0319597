package org.prevalence.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.prevalence.linkage.standardise.PartialDate;
import org.prevalence.linkage.standardise.Phonetic;
import org.prevalence.linkage.standardise.Text;

class StandardiseTest {
    @Test
    void foldRemovesAccentsCaseAndPunctuation() {
        assertEquals("olafsdottir konig", Text.fold("  Ólafsdóttir-KÖNIG "));
        assertEquals("strasse", Text.fold("Straße"));
        assertEquals("lukasz", Text.fold("Łukasz"));
        assertEquals("soren", Text.fold("Søren"));
        assertEquals("fi", Text.fold("ﬁ"), "NFKD splits the ligature");
        assertEquals("stefan", Text.fold("Ștefan"));
        assertEquals("vanderberg", Text.foldName("van der Berg"));
        assertNull(Text.fold(" - "));
        assertNull(Text.fold(null));
    }

    @Test
    void partialDates() {
        assertEquals(new PartialDate(1980, 3, 4), PartialDate.parse("1980-03-04"));
        assertEquals(new PartialDate(1980, 3, 4), PartialDate.parse("04/03/1980"));
        assertEquals(new PartialDate(1980, 3, 4), PartialDate.parse("19800304"));
        assertEquals(new PartialDate(1980, 3, 4), PartialDate.parse("1980-03-04T00:00:00"));
        assertEquals(new PartialDate(1980, 3, 0), PartialDate.parse("1980-03"));
        assertEquals(new PartialDate(1980, 3, 0), PartialDate.parse("03/1980"));
        assertEquals(new PartialDate(1980, 0, 0), PartialDate.parse("1980"));
        assertEquals("1980-03", PartialDate.parse("1980-3").toString());
        assertNull(PartialDate.parse("1981-02-29"), "not a leap year");
        assertEquals(new PartialDate(1984, 2, 29), PartialDate.parse("1984-02-29"));
        assertNull(PartialDate.parse("1980-13-01"));
        assertNull(PartialDate.parse("spring 1980"));
    }

    @Test
    void phoneticKeys() {
        assertEquals("R163", Phonetic.SOUNDEX.encode("Robert"));
        assertEquals("R163", Phonetic.SOUNDEX.encode("Rupert"));
        assertEquals("A261", Phonetic.SOUNDEX.encode("Ashcraft"));
        assertEquals("XMT", Phonetic.DOUBLE_METAPHONE.encode("Schmidt"));
        assertEquals("SM0", Phonetic.DOUBLE_METAPHONE.encode("Smith"));
        assertEquals(Phonetic.DOUBLE_METAPHONE.encode("Müller"), Phonetic.DOUBLE_METAPHONE.encode("Muller"));
        assertEquals(Phonetic.BEIDER_MORSE.encode("Mohammed"), Phonetic.BEIDER_MORSE.encode("Mohamed"));
        assertNull(Phonetic.SOUNDEX.encode("123"));
    }
}
