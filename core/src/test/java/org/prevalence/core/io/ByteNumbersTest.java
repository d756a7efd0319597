package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteNumbersTest {
    private static double bytes(String s, char decimal) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return ByteNumbers.parse(b, 2, b.length - 2, (byte) decimal);
    }

    /** A random cell: mostly numbers of every shape, some near-numbers that are not. */
    static String randomCell(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int shape = r.nextInt(10);
        if (shape == 0) {
            return Double.toString(Double.longBitsToDouble(r.nextLong()));   // any double, incl. NaN/Infinity text
        }
        if (shape == 1) {
            return Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-30, 30)));
        }
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? '-' : '+');
        }
        int intDigits = r.nextInt(0, shape == 2 ? 25 : 8);
        for (int i = 0; i < intDigits; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(3) > 0) {
            sb.append('.');
            int frac = r.nextInt(0, shape == 3 ? 25 : 10);
            for (int i = 0; i < frac; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E');
            if (r.nextBoolean()) {
                sb.append(r.nextBoolean() ? '-' : '+');
            }
            int ed = r.nextInt(0, 4);
            for (int i = 0; i < ed; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(30) == 0) {
            sb.insert(r.nextInt(sb.length() + 1), " x,.e-".charAt(r.nextInt(6)));
        }
        return sb.toString();
    }

    @Test
    void sameDoubleAsParseDoubleOnRandomCells() {
        SplittableRandom r = new SplittableRandom(20261203L);
        for (int i = 0; i < 300_000; i++) {
            String s = randomCell(r);
            double expected = Numbers.parse(s, '.');
            assertEquals(Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(Double.NaN)
                    ? Double.NaN : expected, bytes(s, '.'), 0.0, s);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(bytes(s, '.')), s);
            String comma = s.replace('.', ',');
            assertEquals(Double.doubleToLongBits(Numbers.parse(comma, ',')),
                    Double.doubleToLongBits(bytes(comma, ',')), comma);
        }
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "+0", "-0.0", ".5", "5.", ".", "", "-", "e5", "1e", "1e+", "1E-5",
            "9007199254740993", "123456789012345678901234567890", "1e308", "1e309", "-1e400", "4.9e-324", "1e-400",
            "0.1", "0.30000000000000004", "1e22", "1e23", "123456789012345e-22", "2.2250738585072011e-308",
            "00000000000000000000001.5", "0.000000000000000000000000000001", "1_000", "0x10", "NaN", "Infinity"}) {
            assertEquals(Double.doubleToLongBits(Numbers.parse(s, '.')), Double.doubleToLongBits(bytes(s, '.')), s);
        }
    }
}
