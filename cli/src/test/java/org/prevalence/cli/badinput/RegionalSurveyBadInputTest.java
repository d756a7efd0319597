package org.prevalence.cli.badinput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code prevalence survey} and {@code prevalence regional}: each case exits 2 with one
 * line naming the row, column or option at fault, writes nothing and prints nothing on standard output.
 */
class RegionalSurveyBadInputTest {
    @TempDir
    Path dir;

    /** A valid sample: 2 strata x 3 PSUs x 2 rows; fpc = PSUs in the stratum's population. */
    static final String[] SAMPLE = {
        "id,stratum,psu,w,fpc,y,g,x",
        "1,A,1,10,30,1,u,5", "2,A,1,10,30,0,u,6", "3,A,2,10,30,1,v,7", "4,A,2,10,30,0,v,8",
        "5,A,3,10,30,1,u,9", "6,A,3,10,30,0,v,10", "7,B,4,20,40,1,u,11", "8,B,4,20,40,1,v,12",
        "9,B,5,20,40,0,u,13", "10,B,5,20,40,0,v,14", "11,B,6,20,40,1,u,15", "12,B,6,20,40,0,v,16"};

    /** The sample with data row {@code row} (1-based) having {@code value} in column {@code col}. */
    static String sample(int row, String col, String value) {
        List<String> lines = new ArrayList<>(List.of(SAMPLE));
        if (row > 0) {
            List<String> header = List.of(SAMPLE[0].split(","));
            String[] cells = lines.get(row).split(",", -1);
            cells[header.indexOf(col)] = value;
            lines.set(row, String.join(",", cells));
        }
        return String.join("\n", lines) + "\n";
    }

    static String sample() {
        return sample(0, null, null);
    }

    static final String[] DESIGN = {"--strata", "stratum", "--cluster", "psu", "--weights", "w"};

    static String[] survey(String... extra) {
        List<String> a = new ArrayList<>(List.of("survey", "{dir}/s.csv"));
        a.addAll(List.of(DESIGN));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static final String CASE_HEADER = "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n";

    /** 30 Africa cases, 10 on each of (both, A only, B only), inside 2003. */
    static String cases(String region, String start, String end) {
        StringBuilder sb = new StringBuilder(CASE_HEADER);
        for (int i = 0; i < 30; i++) {
            sb.append("C").append(i).append(',').append(i % 3 == 2 ? 0 : 1).append(',').append(i % 3 == 1 ? 0 : 1)
                    .append(",X,").append(region).append(",forced labour exploitation,2,").append(start).append(',')
                    .append(end).append('\n');
        }
        return sb.toString();
    }

    static String cases() {
        return cases("Africa", "2003-01-01", "2003-12-31");
    }

    static final String POP = "region,population\nAfrica,1000000\n";

    static String[] regional(String window, String... extra) {
        List<String> a = new ArrayList<>(List.of("regional", "cases", "{dir}/cases.csv", "--population", "{dir}/pop.csv",
                "--window", window, "--replicates", "50"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static final String NATIONAL = "country,region,population,prevalence,se\n"
            + "C1,Africa,1000000,0.004,0.001\nC2,Africa,2000000,0.006,0.002\nC3,Africa,500000,,\n"
            + "C4,Americas,3000000,0.002,0.0005\nC5,Americas,1000000,0.003,0.001\nC6,Americas,800000,,\n";

    static String[] surveys(String... extra) {
        List<String> a = new ArrayList<>(List.of("regional", "surveys", "{dir}/national.csv", "--draws", "100"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static Stream<BadInput.Case> cases0() {
        String w = "2002-01-01:2011-12-31";
        return Stream.of(
            // ---- survey: the design
            BadInput.on("lonely PSU without a rule").file("s.csv", sample().replaceAll(",B,[456],", ",B,4,"))
                    .args(survey("--mean", "x")).expect("stratum 'B'", "--lonely-psu"),
            BadInput.on("zero weight").file("s.csv", sample(3, "w", "0")).args(survey("--mean", "x"))
                    .expect("row 3", "'w'"),
            BadInput.on("negative weight").file("s.csv", sample(4, "w", "-10")).args(survey("--mean", "x"))
                    .expect("row 4", "'w'"),
            BadInput.on("missing weight").file("s.csv", sample(2, "w", "")).args(survey("--mean", "x"))
                    .expect("row 2", "'w'"),
            BadInput.on("fpc varying within a stratum").file("s.csv", sample(5, "fpc", "31"))
                    .args(survey("--fpc", "fpc", "--mean", "x")).expect("row 5", "'fpc'", "stratum 'A'"),
            BadInput.on("fpc smaller than the sample").file("s.csv", sample().replace(",10,30,", ",10,2,"))
                    .args(survey("--fpc", "fpc", "--mean", "x")).expect("stratum 'A'", "'fpc'"),
            BadInput.on("missing fpc").file("s.csv", sample(7, "fpc", "")).args(survey("--fpc", "fpc", "--mean", "x"))
                    .expect("row 7", "'fpc'"),
            BadInput.on("more fpc stages than cluster stages").file("s.csv", sample())
                    .args(survey("--fpc", "fpc,fpc", "--mean", "x")).expect("--fpc"),
            BadInput.on("unknown --strata column").file("s.csv", sample())
                    .args("survey", "{dir}/s.csv", "--strata", "nostratum", "--weights", "w", "--mean", "x")
                    .expect("nostratum"),
            BadInput.on("unknown --cluster column").file("s.csv", sample())
                    .args("survey", "{dir}/s.csv", "--cluster", "nopsu", "--weights", "w", "--mean", "x")
                    .expect("nopsu"),
            BadInput.on("unknown --weights column").file("s.csv", sample())
                    .args("survey", "{dir}/s.csv", "--weights", "noweight", "--mean", "x").expect("noweight"),
            BadInput.on("unknown --mean column").file("s.csv", sample()).args(survey("--mean", "nothing"))
                    .expect("nothing"),
            BadInput.on("--by unknown column").file("s.csv", sample()).args(survey("--mean", "x", "--by", "nogroup"))
                    .expect("nogroup"),
            BadInput.on("--proportion level absent").file("s.csv", sample()).args(survey("--proportion", "g=maybe"))
                    .expect("maybe", "'g'"),
            BadInput.on("--proportion of a variable that is not 0/1").file("s.csv", sample())
                    .args(survey("--proportion", "x")).expect("'x'"),
            BadInput.on("missing value in the variable").file("s.csv", sample(6, "x", ""))
                    .args(survey("--mean", "x")).expect("row 6", "'x'"),
            BadInput.on("PSU in two strata without --nest").file("s.csv", sample(7, "psu", "1"))
                    .args(survey("--mean", "x")).expect("psu"),
            // ---- survey: options
            BadInput.on("--replicates 0").file("s.csv", sample())
                    .args(survey("--mean", "x", "--variance", "bootstrap", "--replicates", "0")).expect("--replicates"),
            BadInput.on("--replicates without a bootstrap").file("s.csv", sample())
                    .args(survey("--mean", "x", "--replicates", "100")).expect("--replicates"),
            BadInput.on("--level 2").file("s.csv", sample()).args(survey("--mean", "x", "--level", "2"))
                    .expect("--level"),
            BadInput.on("--level 0").file("s.csv", sample()).args(survey("--mean", "x", "--level", "0"))
                    .expect("--level"),
            BadInput.on("negative --threads").file("s.csv", sample()).args(survey("--mean", "x", "--threads", "-1"))
                    .expect("--threads"),
            BadInput.on("--seed without a bootstrap").file("s.csv", sample()).args(survey("--mean", "x", "--seed", "9"))
                    .expect("--seed"),
            BadInput.on("unknown --ci").file("s.csv", sample()).args(survey("--proportion", "y", "--ci", "wald"))
                    .expect("--ci", "wald"),
            BadInput.on("--ci without --proportion").file("s.csv", sample()).args(survey("--mean", "x", "--ci", "beta"))
                    .expect("--ci"),
            BadInput.on("unknown --lonely-psu").file("s.csv", sample())
                    .args(survey("--mean", "x", "--lonely-psu", "ignore")).expect("--lonely-psu", "ignore"),
            BadInput.on("no statistic").file("s.csv", sample()).args(survey()).expect("--mean"),
            BadInput.on("two statistics").file("s.csv", sample()).args(survey("--mean", "x", "--total", "x"))
                    .expect("exactly one statistic"),
            BadInput.on("--quantile probability above 1").file("s.csv", sample()).args(survey("--quantile", "x:1.5"))
                    .expect("1.5"),
            BadInput.on("--quantile without a probability").file("s.csv", sample()).args(survey("--quantile", "x"))
                    .expect("--quantile"),
            BadInput.on("--ratio without a slash").file("s.csv", sample()).args(survey("--ratio", "x"))
                    .expect("--ratio"),
            BadInput.on("--weights and --probs").file("s.csv", sample()).args(survey("--probs", "w", "--mean", "x"))
                    .expect("--weights"),
            BadInput.on("no weights").file("s.csv", sample())
                    .args("survey", "{dir}/s.csv", "--strata", "stratum", "--mean", "x").expect("--weights"),
            BadInput.on("--mse with linearization").file("s.csv", sample()).args(survey("--mean", "x", "--mse"))
                    .expect("--mse"),
            BadInput.on("--scale without replicate weights").file("s.csv", sample())
                    .args(survey("--mean", "x", "--scale", "0.5")).expect("--scale"),
            BadInput.on("--replicate-weights prefix matching nothing").file("s.csv", sample())
                    .args(survey("--mean", "x", "--replicate-weights", "repw")).expect("repw"),
            BadInput.on("unknown --variance").file("s.csv", sample()).args(survey("--mean", "x", "--variance", "magic"))
                    .expect("--variance", "magic"),
            BadInput.on("--variance fay with a bad rho").file("s.csv", sample())
                    .args(survey("--mean", "x", "--variance", "fay:abc")).expect("--variance"),
            BadInput.on("--nest without strata").file("s.csv", sample())
                    .args("survey", "{dir}/s.csv", "--cluster", "psu", "--weights", "w", "--nest", "--mean", "x")
                    .expect("--nest"),
            BadInput.on("--trim with low above high").file("s.csv", sample()).args(survey("--mean", "x", "--trim", "5,1"))
                    .expect("--trim"),
            BadInput.on("--bounds without --calibrate").file("s.csv", sample())
                    .args(survey("--mean", "x", "--bounds", "0.5,2")).expect("--bounds"),
            BadInput.on("--poststratify without =").file("s.csv", sample())
                    .args(survey("--mean", "x", "--poststratify", "g")).expect("--poststratify"),
            BadInput.on("--poststratify column absent from the counts").file("s.csv", sample())
                    .file("pop.csv", "h,Freq\nu,100\nv,200\n")
                    .args(survey("--mean", "x", "--poststratify", "g={dir}/pop.csv")).expect("'g'"),
            BadInput.on("rake margin naming an unknown level").file("s.csv", sample())
                    .file("m.csv", "g,Freq\nu,100\nv,200\nzz,50\n")
                    .args(survey("--mean", "x", "--rake", "{dir}/m.csv")).expect("zz"),
            BadInput.on("a file and --dataset").file("s.csv", sample())
                    .args(survey("--mean", "x", "--dataset", "apistrat")).expect("--dataset"),
            BadInput.on("unknown --dataset").args("survey", "--dataset", "nosuch", "--weights", "pw", "--mean", "x")
                    .expect("nosuch"),
            // ---- regional cases
            BadInput.on("population row missing for the region").file("cases.csv", cases())
                    .file("pop.csv", "region,population\nMiddle East,500000\n").args(regional(w))
                    .expect("Africa", "population"),
            BadInput.on("population smaller than the stock").file("cases.csv", cases())
                    .file("pop.csv", "region,population\nMiddle East,500000\nAfrica,3\n").args(regional(w))
                    .expect("Africa", "row 2", "population"),
            BadInput.on("population not positive").file("cases.csv", cases())
                    .file("pop.csv", "region,population\nAfrica,0\n").args(regional(w)).expect("row 1", "population"),
            BadInput.on("window with end before start").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional("2011-12-31:2002-01-01")).expect("window", "before"),
            BadInput.on("malformed window").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional("2002-01-01")).expect("window"),
            BadInput.on("window with an impossible date").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional("2002-13-01:2011-12-31")).expect("window"),
            BadInput.on("window containing no case").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional("2015-01-01:2016-12-31")).expect("window", "2015-01-01:2016-12-31"),
            BadInput.on("regional --replicates 1").file("cases.csv", cases()).file("pop.csv", POP)
                    .args("regional", "cases", "{dir}/cases.csv", "--population", "{dir}/pop.csv", "--window", w,
                            "--replicates", "1").expect("--replicates"),
            BadInput.on("regional negative --threads").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--threads", "-2")).expect("--threads"),
            BadInput.on("regional --level (not used)").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--level", "0.9")).expect("--level"),
            BadInput.on("unknown --no-overlap").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--no-overlap", "ignore")).expect("--no-overlap", "ignore"),
            BadInput.on("--pool without =").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--no-overlap", "pool", "--pool", "Africa")).expect("--pool"),
            BadInput.on("--pool without --no-overlap pool").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--pool", "Africa|state-imposed=Africa|forced labour exploitation"))
                    .expect("--pool", "--no-overlap"),
            BadInput.on("--column without =").file("cases.csv", cases()).file("pop.csv", POP)
                    .args(regional(w, "--column", "victims")).expect("--column"),
            BadInput.on("unknown region in the case file").file("cases.csv", cases("Atlantis", "2003-01-01",
                    "2003-12-31")).file("pop.csv", POP).args(regional(w, "--regions", "ilo2012")).expect("row 1",
                    "Atlantis"),
            BadInput.on("stratum without overlap under the default rule").file("cases.csv", CASE_HEADER
                    + "C1,1,0,X,Africa,state-imposed,3,2003-01-01,2004-01-01\n"
                    + "C2,0,1,X,Africa,state-imposed,3,2003-01-01,2004-01-01\n").file("pop.csv", POP)
                    .args(regional(w)).expect("stratum", "Africa|state-imposed"),
            // ---- regional surveys
            BadInput.on("national prevalence above 1").file("national.csv", NATIONAL.replace("0.006,0.002", "6,0.002"))
                    .args(surveys()).expect("row 2", "prevalence"),
            BadInput.on("national population missing").file("national.csv", NATIONAL.replace("C4,Americas,3000000",
                    "C4,Americas,")).args(surveys()).expect("row 4", "population"),
            BadInput.on("national prevalence without se").file("national.csv", NATIONAL.replace("0.003,0.001", "0.003,"))
                    .args(surveys()).expect("row 5"),
            BadInput.on("surveys --draws 1").file("national.csv", NATIONAL).args("regional", "surveys", "{dir}/national.csv", "--draws", "1")
                    .expect("--draws"),
            BadInput.on("surveys malformed --add").file("national.csv", NATIONAL).args(surveys("--add", "state"))
                    .expect("--add"),
            BadInput.on("surveys component larger than the region").file("national.csv", NATIONAL)
                    .args(surveys("--add", "state:Africa=9000000:8000000:10000000")).expect("region 'Africa'"),
            BadInput.on("surveys regions of no single edition").file("national.csv", NATIONAL.replace("C6,Americas",
                    "C6,Asia-Pacific")).args(surveys()).expect("--regions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases0")
    void refused(BadInput.Case c) {
        BadInput.Run r = BadInput.assertRefused(c, dir);
        // the command line never names Java API (LonelyPsu.CERTAINTY, NoOverlap.POOL, withNeighbour(...))
        org.junit.jupiter.api.Assertions.assertFalse(java.util.regex.Pattern.compile(
                "[A-Z][a-z]+[A-Z][A-Za-z]*\\.[A-Z_]{2,}|\\bwith[A-Z][A-Za-z]*\\(").matcher(r.err()).find(),
                c.name() + ": no Java API names in the CLI message: " + r.err());
    }
}
