package org.prevalence.linkage.standardise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text folding for comparison: {@code "  Ólafsdóttir-KÖNIG "} becomes {@code "olafsdottir konig"}.
 *
 * <p>Steps, in order: Unicode NFKD (compatibility decomposition, so {@code ﬁ} becomes {@code fi}
 * and {@code é} becomes {@code e} plus a combining accent); combining marks (Unicode category M)
 * removed; letters without a decomposition transliterated ({@code ß -> ss, æ -> ae, ø -> o,
 * ł -> l, đ -> d, þ -> th, ı -> i, œ -> oe}); lower case with {@link Locale#ROOT}; every character
 * that is not a letter or a digit becomes a space; runs of spaces collapse and the ends are trimmed.
 * An empty result is {@code null} (missing).
 */
public final class Text {
    private static final Map<Character, String> TRANSLIT = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('ø', "o"), Map.entry('Ø', "o"),
            Map.entry('ł', "l"), Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('þ', "th"),
            Map.entry('Þ', "th"), Map.entry('ı', "i"), Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ð', "d"));

    private Text() {
    }

    /**
     * @param s a raw value, or {@code null}
     * @return the folded value, or {@code null} when nothing is left
     */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        boolean ascii = true;
        for (int k = 0; k < s.length() && ascii; k++) {
            ascii = s.charAt(k) < 128;
        }
        String d = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFKD); // ASCII is its own NFKD
        StringBuilder sb = new StringBuilder(d.length());
        boolean space = true;
        for (int k = 0; k < d.length(); k++) {
            char c = d.charAt(k);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
                continue;
            }
            String tr = TRANSLIT.get(c);
            String piece = tr != null ? tr : Character.isLetterOrDigit(c) ? String.valueOf(c).toLowerCase(Locale.ROOT) : " ";
            for (int q = 0; q < piece.length(); q++) {
                char p = piece.charAt(q);
                if (p == ' ') {
                    if (!space) {
                        sb.append(' ');
                        space = true;
                    }
                } else {
                    sb.append(p);
                    space = false;
                }
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * A folded name with its spaces removed ({@code "van der berg" -> "vanderberg"}), the form
     * compared and encoded, so that a name split or joined differently still agrees.
     * @param s a raw name, or {@code null}
     * @return the compact folded name, or {@code null}
     */
    public static String foldName(String s) {
        String f = fold(s);
        return f == null ? null : f.replace(" ", "");
    }
}
