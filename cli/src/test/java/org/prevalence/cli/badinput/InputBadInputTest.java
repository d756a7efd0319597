package org.prevalence.cli.badinput;

import static org.prevalence.cli.badinput.BadInput.on;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input files (input parsing): every cell that does not parse in the role it is used in,
 * every malformed file, every locale surprise is refused with exit 2 and one line naming the data row and
 * the column (or the option), without echoing the cell.
 */
class InputBadInputTest {
    static final String LISTS = "A,B,C,count\n1,0,0,10\n0,1,0,12\n0,0,1,9\n1,1,0,3\n1,0,1,2\n0,1,1,4\n1,1,1,1\n";
    static final String SAMPLE = "stype,pw,fpc,api00,enroll\nE,10,100,500,300\nE,10,100,520,310\nE,10,100,610,290\n"
            + "H,20,200,480,500\nH,20,200,530,520\nH,20,200,590,480\n";
    static final String CASES_HEADER = "case_id,team_a,team_b,country,region,form,victims,start_date,end_date\n";
    static final String CASE_ROW = "C1,1,0,X,Africa,state-imposed,3,2003-01-01,2004-01-01\n";
    static final String POP = "region,population\nAfrica,1000000\n";
    static final String NATIONAL = "country,region,population,prevalence,se\nA1,Africa,1000000,0.004,0.001\n"
            + "A2,Africa,2000000,,\nB1,Americas,3000000,0.002,0.0005\n";

    @TempDir
    Path dir;

    static String lists(String row2count) {
        return "A,B,C,count\n1,0,0,10\n0,1,0," + row2count + "\n0,0,1,9\n1,1,0,3\n";
    }

    static String sample(String row3api) {
        return "stype,pw,fpc,api00,enroll\nE,10,100,500,300\nE,10,100,520,310\nE,10,100," + row3api + ",290\n"
                + "H,20,200,480,500\nH,20,200,530,520\nH,20,200,590,480\n";
    }

    static BadInput.Case mse(String name, String csv, String... words) {
        return on(name).file("l.csv", csv).args("mse", "{dir}/l.csv").expect(words);
    }

    static BadInput.Case survey(String name, String csv, String... words) {
        return on(name).file("s.csv", csv).args("survey", "{dir}/s.csv", "--strata", "stype", "--weights", "pw",
                "--fpc", "fpc", "--mean", "api00").expect(words);
    }

    static BadInput.Case cases(String name, String csv, String pop, String... words) {
        return on(name).file("c.csv", csv).file("p.csv", pop).args("regional", "cases", "{dir}/c.csv", "--population",
                "{dir}/p.csv", "--window", "2002-01-01:2011-12-31", "--replicates", "20").expect(words);
    }

    static BadInput.Case national(String name, String csv, String... words) {
        return on(name).file("n.csv", csv).args("regional", "surveys", "{dir}/n.csv", "--draws", "100").expect(words);
    }

    static Stream<BadInput.Case> cases() {
        return Stream.of(
                // ---- mse: the count and list columns
                mse("text in a count", lists("x"), "row 2", "column 'count'", "not a number").secrets("x,"),
                mse("n/a in a count without --na", lists("n/a"), "row 2", "column 'count'", "--na"),
                on("n/a in a count declared with --na").file("l.csv", lists("n/a"))
                        .args("mse", "{dir}/l.csv", "--na", "n/a").expect("row 2", "column 'count'", "missing"),
                mse("quoted decimal comma in a count", lists("\"12,5\""), "row 2", "column 'count'",
                        "comma inside a number", "--decimal ,"),
                mse("quoted thousands separator in a count", lists("\"1,000\""), "row 2", "column 'count'", "comma"),
                mse("count at 2^63", lists("9223372036854775808"), "row 2", "column 'count'", "2^63"),
                mse("count far above 2^63", lists("99999999999999999999999"), "row 2", "column 'count'", "2^63"),
                mse("count 1e400", lists("1e400"), "row 2", "column 'count'", "outside the range"),
                mse("negative count", lists("-1"), "row 2", "column 'count'", ">= 0"),
                mse("non-integer count", lists("2.5"), "row 2", "column 'count'", "whole number"),
                mse("list membership 2", "A,B,count\n1,0,3\n2,1,4\n", "row 2", "column 'A'", "0 or 1"),
                mse("list membership -1", "A,B,count\n1,0,3\n0,-1,4\n", "row 2", "column 'B'", "0 or 1"),
                mse("list membership text", "A,B,count\n1,0,3\nyes,1,4\n", "row 2", "column 'A'", "not a number")
                        .secrets("yes"),
                mse("semicolon file", LISTS.replace(',', ';'), "semicolon-separated", "--delimiter ';'"),
                mse("tab file", LISTS.replace(',', '\t'), "tab-separated", "--delimiter tab"),
                mse("header only", "A,B,C,count\n", "header but no data rows"),
                mse("header and comments only", "A,B,C,count\n# from R\n", "header but no data rows"),
                mse("empty file", "", "empty"),
                mse("ragged row", "A,B,count\n1,0,3\n0,1\n", "row 2", "2 cells", "3 columns"),
                mse("unterminated quote", "A,B,count\n1,0,3\n0,\"1,4\n", "row 2", "never closed"),
                mse("text after a closing quote", "A,B,count\n1,0,\"3\"x\n", "row 1", "closing quote"),
                mse("comment lines are not rows", "A,B,count\n# note\n1,0,3\n# note\n0,1,bad\n", "row 2", "count"),
                mse("duplicate column name", "A,A,count\n1,0,3\n0,1,4\n", "column 'A' twice"),
                mse("unnamed column", "A,,count\n1,0,3\n0,1,4\n", "column 2 of the header has no name"),
                on("count column named by --count is missing").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--count", "n").expect("no column 'n'"),
                on("count column named in the wrong case").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--count", "COUNT").expect("no column 'COUNT'", "case-sensitive"),
                on("list named by --lists is missing").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--lists", "A,B,D").expect("no column 'D'"),
                on("stratum column missing").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--stratum", "region").expect("no column 'region'"),
                on("bad --delimiter").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--delimiter", "x").expect("--delimiter"),
                on("bad --decimal").file("l.csv", LISTS)
                        .args("mse", "{dir}/l.csv", "--decimal", ";").expect("--decimal"),
                on("point in a decimal-comma file").file("l.csv", "A;B;count\n1;0;3\n0;1;4.5\n")
                        .args("mse", "{dir}/l.csv", "--decimal", ",", "--delimiter", ";")
                        .expect("row 2", "column 'count'", "a point inside a number"),
                on("no such file").args("mse", "{dir}/none.csv").expect("no such file"),
                // ---- survey: variables, design columns, margins
                survey("stray token in a mean variable", sample("high"), "row 3", "column 'api00'", "not a number")
                        .secrets("high"),
                survey("n/a in a mean variable without --na", sample("n/a"), "row 3", "column 'api00'", "--na"),
                on("n/a declared, not dropped").file("s.csv", sample("n/a")).args("survey", "{dir}/s.csv",
                        "--strata", "stype", "--weights", "pw", "--fpc", "fpc", "--mean", "api00", "--na", "n/a")
                        .expect("row 3", "column 'api00'", "missing value", "--drop-missing"),
                survey("decimal comma in a mean variable", sample("\"610,5\""), "row 3", "column 'api00'", "comma"),
                survey("1e400 in a mean variable", sample("1e400"), "row 3", "column 'api00'", "outside the range"),
                survey("text weight", SAMPLE.replace("H,20,200,530", "H,heavy,200,530"), "row 5", "column 'pw'",
                        "not a number"),
                survey("decimal-comma weight", SAMPLE.replace("H,20,200,530", "H,\"20,5\",200,530"), "row 5",
                        "column 'pw'", "comma"),
                survey("text fpc", SAMPLE.replace("E,10,100,520", "E,10,all,520"), "row 2", "column 'fpc'",
                        "not a number"),
                survey("semicolon sample", SAMPLE.replace(',', ';'), "semicolon-separated", "--delimiter ';'"),
                survey("tab sample", SAMPLE.replace(',', '\t'), "tab-separated", "--delimiter tab"),
                survey("header-only sample", "stype,pw,fpc,api00\n", "header but no data rows"),
                survey("ragged sample", SAMPLE.replace("H,20,200,480,500", "H,20,200,480"), "row 4", "4 cells"),
                survey("unterminated quote in sample", SAMPLE.replace("E,10,100,520", "\"E,10,100,520"), "row 2",
                        "never closed"),
                on("weights column missing").file("s.csv", SAMPLE).args("survey", "{dir}/s.csv", "--weights", "w",
                        "--mean", "api00").expect("no column 'w'"),
                on("cluster column missing").file("s.csv", SAMPLE).args("survey", "{dir}/s.csv", "--weights", "pw",
                        "--cluster", "psu", "--mean", "api00").expect("no column 'psu'"),
                on("total of a variable with a stray token").file("s.csv", SAMPLE.replace(",290\n", ",many\n"))
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--total", "enroll")
                        .expect("row 3", "column 'enroll'", "not a number"),
                on("ratio with a stray token").file("s.csv", SAMPLE.replace(",290\n", ",many\n"))
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--ratio", "api00/enroll")
                        .expect("row 3", "column 'enroll'", "not a number"),
                on("quantile with a stray token").file("s.csv", sample("high"))
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--quantile", "api00:0.5")
                        .expect("row 3", "column 'api00'", "not a number"),
                on("margin file without Freq").file("s.csv", SAMPLE).file("m.csv", "stype,N\nE,100\nH,200\n")
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--mean", "api00", "--rake", "{dir}/m.csv")
                        .expect("no column 'Freq'", "--margin-count"),
                on("margin count named by --margin-count missing").file("s.csv", SAMPLE)
                        .file("m.csv", "stype,Freq\nE,100\nH,200\n").args("survey", "{dir}/s.csv", "--weights", "pw",
                                "--mean", "api00", "--rake", "{dir}/m.csv", "--margin-count", "N")
                        .expect("no column 'N'"),
                on("margin count not a number").file("s.csv", SAMPLE).file("m.csv", "stype,Freq\nE,lots\nH,200\n")
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--mean", "api00", "--rake", "{dir}/m.csv")
                        .expect("row 1", "column 'Freq'", "not a number"),
                on("poststratify file semicolon-separated").file("s.csv", SAMPLE)
                        .file("m.csv", "stype;Freq\nE;100\nH;200\n").args("survey", "{dir}/s.csv", "--weights", "pw",
                                "--mean", "api00", "--poststratify", "stype={dir}/m.csv")
                        .expect("semicolon-separated"),
                on("calibration total not a number").file("s.csv", SAMPLE)
                        .file("t.csv", "variable,level,total\n(Intercept),,many\n")
                        .args("survey", "{dir}/s.csv", "--weights", "pw", "--mean", "api00", "--calibrate", "{dir}/t.csv")
                        .expect("row 1", "column 'total'", "not a number"),
                // ---- regional cases
                cases("text victims", CASES_HEADER + CASE_ROW + "C2,1,1,X,Africa,state-imposed,many,2003-01-01,"
                        + "2004-01-01\n", POP, "row 2", "column 'victims'", "not a number"),
                cases("victims at 2^63", CASES_HEADER + CASE_ROW + "C2,1,1,X,Africa,state-imposed,9223372036854775808,"
                        + "2003-01-01,2004-01-01\n", POP, "row 2", "column 'victims'", "2^63"),
                cases("decimal-comma victims", CASES_HEADER + CASE_ROW + "C2,1,1,X,Africa,state-imposed,\"1,5\","
                        + "2003-01-01,2004-01-01\n", POP, "row 2", "column 'victims'", "comma"),
                cases("text source flag", CASES_HEADER + CASE_ROW + "C2,yes,1,X,Africa,state-imposed,2,2003-01-01,"
                        + "2004-01-01\n", POP, "row 2", "column 'team_a'", "not a number"),
                cases("bad start date not echoed", CASES_HEADER + CASE_ROW + "C2,1,1,X,Africa,state-imposed,2,"
                        + "1975-13-45,2004-01-01\n", POP, "row 2", "column 'start_date'", "ISO date")
                        .secrets("1975-13-45"),
                cases("header-only case file", CASES_HEADER, POP, "header but no data rows"),
                cases("semicolon population", CASES_HEADER + CASE_ROW, "region;population\nAfrica;1000000\n",
                        "semicolon-separated"),
                cases("n/a population without --na", CASES_HEADER + CASE_ROW, "region,population\nAfrica,n/a\n",
                        "row 1", "column 'population'", "--na"),
                // ---- regional surveys
                national("text population", NATIONAL.replace("2000000", "big"), "row 2", "column 'population'",
                        "not a number"),
                national("decimal-comma prevalence", NATIONAL.replace("0.004", "\"0,004\""), "row 1",
                        "column 'prevalence'", "comma"),
                national("n/a se without --na", NATIONAL.replace("0.0005", "n/a"), "row 3", "column 'se'", "--na"),
                on("stray token in a numeric covariate").file("n.csv", NATIONAL)
                        .file("v.csv", "country,gdp\nA1,1.5\nA2,high\nB1,2.5\n")
                        .args("regional", "surveys", "{dir}/n.csv", "--covariates", "{dir}/v.csv", "--draws", "100")
                        .expect("row 2", "column 'gdp'", "not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(BadInput.Case c) {
        BadInput.assertRefused(c, dir);
    }
}
