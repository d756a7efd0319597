package org.prevalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.lists.ListTables;
import org.prevalence.mse.LogLinearMse;
import org.prevalence.mse.ModelSelection;
import org.prevalence.regional.CaseFile;
import org.prevalence.regional.Covariates;
import org.prevalence.regional.NationalData;
import org.prevalence.regional.Populations;
import org.prevalence.regional.RegionEdition;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyMean;

/**
 * Property: good inputs corrupted at random (cells replaced by tokens such as {@code ""}, {@code NA},
 * {@code n/a}, {@code x}, {@code -1}, {@code 1e400}, {@code "1,5"}, {@code 9223372036854775808}; rows
 * duplicated, dropped or cut short; the file truncated) give either a {@link PrevalenceException} or a
 * finite result, never another exception and never a non-finite number. Stronger, where the outcome is
 * known: a single token that is not a valid value for the role of its column (a count, a 0/1 list
 * membership, a weight, a mean variable without na.rm, a covariate) must be refused, so a stray token can
 * never silently change a result. Each case is one seed of {@code L64_X128_MIX}.
 */
class CorruptedInputPropertyTest {
    static final String[] TOKENS = {"", "NA", "n/a", "x", "-1", "1e400", "\"1,5\"", "9223372036854775808"};
    static final String NUMBER_TOKENS_OK = "-1 9223372036854775808"; // plain numbers
    static final String NATIONAL = "country,region,population,prevalence,se\nA1,Africa,1000000,0.004,0.001\n"
            + "A2,Africa,2000000,,\nB1,Americas,3000000,0.002,0.0005\nB2,Americas,1500000,0.003,0.001\n"
            + "C1,Europe and Central Asia,4000000,,\n";
    static final String COVARIATES = "country,gdp,conflict\nA1,1.5,0\nA2,2.25,1\nB1,3.0,0\nB2,0.5,1\nC1,4.0,0\n";
    static final String POPULATIONS = "region,population\nAsia-Pacific,4000000\nAfrica,900000\nMiddle East,300000\n"
            + "Latin America and the Caribbean,600000\n";
    static final String CASES = "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n"
            + "C1,1,0,X,Africa,state-imposed,3,2003-01-01,2004-01-01\n"
            + "C2,1,1,X,Africa,forced labour exploitation,2,2004-02-01,2005-01-01\n"
            + "C3,0,1,Y,Asia-Pacific,forced commercial sexual exploitation,1,2005-01-01,2005-06-30\n"
            + "C4,1,0,Y,Asia-Pacific,state-imposed,4,2006-01-01,2007-01-01\n";

    /** A reader under test: the CSV text, what to do with the table, and the columns whose role forbids tokens. */
    record Target(String name, String csv, Function<String, Object> run, Map<String, Set<String>> validTokens) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String resource(String path) {
        try (InputStream in = CorruptedInputPropertyTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double finite(double v, String what) {
        assertTrue(Double.isFinite(v), what + " is finite: " + v);
        return v;
    }

    static List<Target> targets() {
        Set<String> none = Set.of();
        Set<String> numbers = Set.of(NUMBER_TOKENS_OK.split(" "));
        return List.of(
                new Target("ListTables -> LogLinearMse (uk2013_5lists)", resource("/org/prevalence/mse/uk2013_5lists.csv"),
                        csv -> {
                            LogLinearMse.Result r = LogLinearMse.withDefaults().with(ModelSelection.STEPWISE)
                                    .estimate(ListTables.fromTable(CsvInput.withDefaults().read(csv, "uk.csv"), null,
                                            "count"));
                            finite(r.getEstimate(), "N");
                            return r;
                        }, Map.of("count", none, "LA", none, "NG", none, "GO", none)),
                new Target("SurveyDesign -> SurveyMean (apistrat)", resource("/org/prevalence/survey/apistrat.csv"),
                        csv -> mean(csv, MissingValues.FAIL),
                        Map.of("api00", numbers, "pw", Set.of("9223372036854775808"), "fpc", none, "stype", none)),
                new Target("SurveyMean na.rm (apistrat)", resource("/org/prevalence/survey/apistrat.csv"),
                        csv -> mean(csv, MissingValues.DROP),
                        Map.of("api00", Set.of("", "NA", "-1", "9223372036854775808"))),
                new Target("NationalData", NATIONAL, csv -> {
                    NationalData d = NationalData.fromTable(RegionEdition.GLOBAL_ESTIMATES,
                            CsvInput.withDefaults().read(csv, "national.csv"));
                    assertTrue(d.size() > 0);
                    return d;
                }, Map.of("population", Set.of("9223372036854775808"))),
                new Target("Covariates", COVARIATES, csv -> Covariates.fromTable(
                        CsvInput.withDefaults().read(csv, "covariates.csv"), null),
                        // a stray text token in a covariate column is refused, never a dropped covariate
                        Map.of("gdp", Set.of("", "NA", "-1", "9223372036854775808"),
                                "conflict", Set.of("", "NA", "-1", "9223372036854775808"))),
                new Target("Populations", POPULATIONS, csv -> {
                    Populations p = Populations.fromTable(RegionEdition.ILO_2012,
                            CsvInput.withDefaults().read(csv, "population.csv"));
                    finite(p.total(), "world population");
                    return p;
                }, Map.of("population", Set.of("9223372036854775808"))),
                new Target("CaseFile", CASES, csv -> CaseFile.withDefaults().read(
                        CsvInput.withDefaults().read(csv, "cases.csv")),
                        Map.of("victims", none, "team_a", none, "team_b", none)));
    }

    static Object mean(String csv, MissingValues mv) {
        SurveyDesign d = SurveyDesign.builder(CsvInput.withDefaults().read(csv, "apistrat.csv")).strata("stype")
                .weights("pw").fpc("fpc").build();
        SurveyMean.Result r = SurveyMean.withDefaults().with(mv).estimate(d, "api00");
        finite(r.getEstimate(), "mean");
        finite(r.getStandardError(), "SE");
        return r;
    }

    static Stream<Arguments> seeds() {
        return targets().stream().flatMap(t -> LongStream.rangeClosed(1, 60).mapToObj(s -> Arguments.of(t, s)));
    }

    /** One corruption: the text, and the (column, token) of each replaced cell. */
    record Corrupted(String text, List<String[]> replaced, int operations) {
    }

    /** Splits a record into raw cells (quotes kept), respecting quoted commas. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                q = !q;
            }
            if (c == ',' && !q) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static Corrupted corrupt(String text, Set<String> roles, UniformRandomProvider rng) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> header = cells(lines.get(0));
        List<Integer> roleIndex = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            if (roles.contains(unquote(header.get(j)))) {
                roleIndex.add(j);
            }
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#")) {
                data.add(i);
            }
        }
        List<String[]> replaced = new ArrayList<>();
        int ops = 1 + rng.nextInt(3);
        for (int k = 0; k < ops && !data.isEmpty(); k++) {
            int op = rng.nextInt(10);
            int di = rng.nextInt(data.size());
            int li = data.get(di);
            if (op < 7) { // replace a cell by a token
                List<String> c = cells(lines.get(li));
                // half the time a column with a role, so that the strong property is exercised on wide files
                int j = !roleIndex.isEmpty() && rng.nextBoolean() ? roleIndex.get(rng.nextInt(roleIndex.size()))
                        : rng.nextInt(c.size());
                j = Math.min(j, c.size() - 1);
                String tok = TOKENS[rng.nextInt(TOKENS.length)];
                c.set(j, tok);
                lines.set(li, String.join(",", c));
                replaced.add(new String[] {unquote(header.get(Math.min(j, header.size() - 1))), unquote(tok)});
            } else if (op == 7) { // duplicate a row
                lines.add(li + 1, lines.get(li));
                data.add(di + 1, li + 1);
                for (int m = di + 2; m < data.size(); m++) {
                    data.set(m, data.get(m) + 1);
                }
            } else if (op == 8) { // cut a row short (ragged)
                String l = lines.get(li);
                int cut = l.lastIndexOf(',');
                lines.set(li, cut > 0 ? l.substring(0, cut) : l);
            } else { // truncate the file after a data row (possibly right after the header)
                int keep = rng.nextInt(data.size());
                int last = keep == 0 ? 0 : data.get(keep - 1);
                while (lines.size() > last + 1) {
                    lines.remove(lines.size() - 1);
                }
                data = new ArrayList<>(data.subList(0, keep));
            }
        }
        return new Corrupted(String.join("\n", lines) + "\n", replaced, ops);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("seeds")
    void corruptedInputIsRefusedOrFinite(Target t, long seed) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed * 7919 + t.name().hashCode());
        Corrupted c = corrupt(t.csv(), t.validTokens().keySet(), rng);
        boolean mustFail = false;
        if (c.operations() == 1 && c.replaced().size() == 1) {
            String[] r = c.replaced().get(0);
            Set<String> valid = t.validTokens().get(r[0]);
            mustFail = valid != null && !valid.contains(r[1]);
        }
        Object result;
        try {
            result = t.run().apply(c.text());
        } catch (PrevalenceException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message");
            return;
        } catch (RuntimeException e) {
            fail(t + ", seed " + seed + ": not a PrevalenceException: " + e, e);
            return;
        }
        assertNotNull(result);
        if (mustFail) {
            String[] r = c.replaced().get(0);
            fail(t + ", seed " + seed + ": token '" + r[1] + "' in column '" + r[0] + "' was accepted: " + result);
        }
    }

    /** The strong property is exercised: for every reader, some seeds put one forbidden token in a role column. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void someSeedsMustBeRefused(Target t) {
        int must = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Corrupted c = corrupt(t.csv(), t.validTokens().keySet(), RandomSource.L64_X128_MIX.create(seed * 7919 + t.name().hashCode()));
            if (c.operations() == 1 && c.replaced().size() == 1) {
                Set<String> valid = t.validTokens().get(c.replaced().get(0)[0]);
                must += valid != null && !valid.contains(c.replaced().get(0)[1]) ? 1 : 0;
            }
        }
        assertTrue(must >= 3, t + ": " + must + " seeds with a forbidden token in a role column");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theUncorruptedInputsGiveResults(Target t) {
        assertNotNull(t.run().apply(t.csv()));
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("tokens")
    void everyTokenInACountIsRefusedNamingTheRow(String token) {
        String csv = "A,B,count\n1,0,10\n0,1," + token + "\n1,1,3\n";
        PrevalenceException e = org.junit.jupiter.api.Assertions.assertThrows(PrevalenceException.class,
                () -> ListTables.fromTable(CsvInput.withDefaults().read(csv, "t.csv"), null, "count"));
        assertEquals("row 2, column 'count'", e.where(), e.getMessage());
    }

    static Stream<String> tokens() {
        return Stream.of(TOKENS);
    }
}
