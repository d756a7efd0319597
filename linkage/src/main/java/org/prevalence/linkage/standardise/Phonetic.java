package org.prevalence.linkage.standardise;

import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Phonetic keys of a folded name (see {@link Text#foldName}), from Apache Commons Codec. Each
 * returns {@code null} for a missing name or one with no letter the encoder knows.
 */
public enum Phonetic {
    /** Soundex (Russell 1918, the US census form): a letter and three digits, {@code robert -> R163}. */
    SOUNDEX {
        @Override
        String encodeFolded(String s) {
            String k = new Soundex().soundex(s);
            return k == null || k.isEmpty() ? null : k;
        }
    },
    /** Double Metaphone (Philips 2000), primary code, up to 6 characters: {@code schmidt -> XMT}. */
    DOUBLE_METAPHONE {
        @Override
        String encodeFolded(String s) {
            DoubleMetaphone dm = new DoubleMetaphone();
            dm.setMaxCodeLen(6);
            String k = dm.doubleMetaphone(s);
            return k == null || k.isEmpty() ? null : k;
        }
    },
    /**
     * Beider-Morse phonetic matching (Beider and Morse 2008), generic names, approximate rules:
     * written for names transliterated from other scripts ({@code Mohammed, Muhammad, Mokhamed}).
     * Beider-Morse gives several alternatives ({@code a|b|c}); the key is the first alternative
     * in alphabetical order, so that it is one deterministic string.
     */
    BEIDER_MORSE {
        @Override
        String encodeFolded(String s) {
            String all = BM.encode(s);
            String best = null;
            for (String a : all.split("[|()\\-]")) {
                String t = a.strip();
                if (!t.isEmpty() && (best == null || t.compareTo(best) < 0)) {
                    best = t;
                }
            }
            return best;
        }
    };

    private static final PhoneticEngine BM = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true, 8);

    abstract String encodeFolded(String s);

    /**
     * @param name a raw or folded name, or {@code null}
     * @return its key, or {@code null}
     */
    public String encode(String name) {
        String f = Text.foldName(name);
        if (f == null) {
            return null;
        }
        StringBuilder letters = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.length() == 0 ? null : encodeFolded(letters.toString());
    }

    /** @return the name used in blocking rules, for example {@code soundex} */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
