package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prevalence.core.io.CsvInput;
import org.prevalence.mse.closed.ClosedPopulationModels;
import org.prevalence.mse.closed.ClosedModel;
import org.prevalence.regional.TwoSourceEstimator;
import picocli.CommandLine;
import tech.tablesaw.api.Table;

/** The one reporter: every format from the typed results, and the typed choices of mse and regional. */
class ReportsTest {
    private static Table csv(String text) {
        return CsvInput.withDefaults().read(text, "out.csv");
    }

    @Test
    void bayesianCsvIsOneRowWithItsCredibleInterval() throws Exception {
        // the CSV once read a Bayesian result's warnings back as JSON objects and threw ClassCastException
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--bayes", "bma", "--grid-max", "80000",
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        Table t = csv(r.out());
        assertEquals(1, t.rowCount());
        assertEquals("bma-decomposable", t.column("method").getString(0));
        assertEquals("credible (bma)", t.column("interval_method").getString(0));
        JsonNode j = new ObjectMapper().readTree(CliTest.run("mse", "--dataset", "uk2013_5lists", "--bayes", "bma",
                "--grid-max", "80000", "--format", "json").out());
        assertEquals(j.get("estimate").asDouble(), t.numberColumn("estimate").getDouble(0), 0);
        assertEquals(j.get("interval").get("lower").asDouble(), t.numberColumn("lower").getDouble(0), 0);
        assertFalse(t.column("reason").getString(0).isEmpty(), "the first warning's message");
    }

    @Test
    void compareCsvHasTheIntervals() throws Exception {
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--compare", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        Table t = csv(r.out());
        JsonNode j = new ObjectMapper().readTree(CliTest.run("mse", "--dataset", "uk2013_5lists", "--compare",
                "--format", "json").out());
        assertEquals(j.size(), t.rowCount());
        for (int i = 0; i < j.size(); i++) {
            JsonNode row = j.get(i);
            if (!row.get("lower").isNull()) {
                assertEquals(row.get("lower").asDouble(), t.numberColumn("lower").getDouble(i), 0, "row " + i);
                assertEquals(row.get("upper").asDouble(), t.numberColumn("upper").getDouble(i), 0, "row " + i);
                assertEquals(0.95, t.numberColumn("level").getDouble(i), 0, "row " + i);
            }
        }
        assertEquals("independence", t.column("method").getString(0));
        assertTrue(t.numberColumn("lower").getDouble(0) > 0, "independence has an interval");
    }

    @Test
    void closedTableShortensTheWarningsAndSaysHowToGiveTheOrder() {
        CliTest.Run r = CliTest.run("mse", "--dataset", "uk2013_5lists", "--closed-models");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not-estimated: needs the capture order (--capture-order lists)"), r.out());
        CliTest.Run j = CliTest.run("mse", "--dataset", "uk2013_5lists", "--closed-models", "--format", "json");
        assertTrue(j.out().contains("it needs the order of the capture occasions"), "JSON keeps the whole message");
    }

    @Test
    void typedChoicesParseInAnyCase() {
        CommandLine.ParseResult p = Prevalence.commandLine().parseArgs("mse", "--dataset", "x", "--method", "Mth-Chao",
                "--capture-order", "LISTS");
        MseCommand c = (MseCommand) p.subcommand().commandSpec().userObject();
        assertEquals(ClosedModel.MTH_CHAO, c.method.closed);
        assertEquals(ClosedPopulationModels.CaptureOrder.LIST_ORDER, c.captureOrder);
        MseCommand d = (MseCommand) Prevalence.commandLine().parseArgs("mse", "--dataset", "x", "--method",
                "lincoln_petersen").subcommand().commandSpec().userObject();
        assertEquals(MseCommand.Method.LINCOLN_PETERSEN, d.method);
        assertEquals(ClosedPopulationModels.CaptureOrder.NOT_GIVEN, d.captureOrder);
        RegionalCommand.Cases rc = (RegionalCommand.Cases) Prevalence.commandLine().parseArgs("regional", "cases",
                "c.csv", "--population", "p.csv", "--window", "2020-01:2020-12", "--estimator", "Lincoln-Petersen")
                .subcommand().subcommand().commandSpec().userObject();
        assertEquals(TwoSourceEstimator.LINCOLN_PETERSEN, rc.estimator);
        List<String> methods = new java.util.ArrayList<>();
        new MseCommand.Methods().forEach(methods::add);
        assertTrue(methods.containsAll(List.of("chapman", "lincoln-petersen", "mh-chao", "mbh", "chao-bound")), methods.toString());
    }

    @Test
    void aBadChoiceExitsTwoListingTheChoices() {
        CliTest.Run m = CliTest.run("mse", "--dataset", "uk2013_5lists", "--method", "foo");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("--method") && m.err().contains("mth-chao") && m.err().contains("'foo'"), m.err());
        CliTest.Run o = CliTest.run("mse", "--dataset", "uk2013_5lists", "--method", "mb", "--capture-order", "bogus");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--capture-order") && o.err().contains("lists"), o.err());
        CliTest.Run b = CliTest.run("mse", "--dataset", "uk2013_5lists", "--method", "chapman", "--interval",
                "bootstrap");
        assertEquals(2, b.code());
        assertTrue(b.err().contains("--interval bootstrap"), b.err());
    }

    @Test
    void resultTableRendersOneRowThreeWays() {
        ResultTable t = new ResultTable("name", "value").add("a,b", 1.5).add("c", null);
        assertEquals("name,value\n\"a,b\",1.5\nc,\n", t.csv());
        assertEquals(1.5, t.json().get(0).get("value"));
        assertTrue(t.text().startsWith("name"), t.text());
    }
}
