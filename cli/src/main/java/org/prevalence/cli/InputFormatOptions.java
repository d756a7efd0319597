package org.prevalence.cli;

import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.io.CsvReader;
import picocli.CommandLine.Option;

/**
 * How input CSV files are written (a picocli mixin): the missing-value tokens, the decimal mark
 * and the delimiter. Every file a command reads goes through {@link #csv()}.
 */
final class InputFormatOptions {
    @Option(names = "--na", split = ",", paramLabel = "TOKEN[,TOKEN..]",
            description = "Cells that mean 'missing' (default: the empty cell and NA; the empty cell always is), "
                    + "e.g. --na NA,n/a,. ; "
                    + "any other cell that is not a number, in a column used as numbers, is an error naming its row.")
    List<String> na;

    @Option(names = "--decimal", paramLabel = "MARK", defaultValue = ".",
            description = "Decimal mark of the numbers: '.' (default; plain numbers, no thousands separators) or ',' "
                    + "(European exports: 12,5 is 12.5; such files are often ';'-separated, see --delimiter).")
    String decimal = ".";

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Cell delimiter: ',' (default), ';', tab or '|'.")
    String delimiter;

    /** @return the CSV reader these options describe */
    CsvInput csv() {
        CsvInput in = na == null ? CsvInput.withDefaults() : CsvInput.withDefaults().withMissingValues(missing());
        in = decimalComma() ? in.withDecimalComma() : in;
        Character d = delimiterChar();
        return d == null ? in : in.withDelimiter(d);
    }

    /**
     * @param threads the parsing threads (0 = all cores)
     * @return the column reader these options describe (no columns named yet)
     */
    CsvReader reader(int threads) {
        CsvReader in = CsvReader.withDefaults().withThreads(threads);
        in = na == null ? in : in.withMissingValues(missing());
        in = decimalComma() ? in.withDecimalComma() : in;
        Character d = delimiterChar();
        return d == null ? in : in.withDelimiter(d);
    }

    private String[] missing() {
        return na.toArray(new String[0]);
    }

    /** @return whether {@code --decimal ,} was given; any mark other than '.' or ',' is refused */
    private boolean decimalComma() {
        if (!decimal.equals(",") && !decimal.equals(".")) {
            throw PrevalenceException.invalidArgument("--decimal", "--decimal takes '.' or ','");
        }
        return decimal.equals(",");
    }

    /** @return the {@code --delimiter} character ({@code tab} or {@code \t} for a tab), or null if none was given */
    private Character delimiterChar() {
        if (delimiter == null) {
            return null;
        }
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1 || ",;\t|".indexOf(d.charAt(0)) < 0) {
            throw PrevalenceException.invalidArgument("--delimiter", "--delimiter takes ',', ';', tab or '|'");
        }
        return d.charAt(0);
    }
}
