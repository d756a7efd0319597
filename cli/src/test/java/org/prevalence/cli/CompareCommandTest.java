package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.sim.HiddenPopulationSimulator;
import org.prevalence.network.sim.Triangulation;

class CompareCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"--population", "4000", "--hidden", "400", "--household", "800", "--rds",
        "150", "--seed", "1"};

    private CliTest.Run simulate(Path out, String... more) {
        String[] args = new String[3 + SMALL.length + more.length];
        args[0] = "simulate";
        args[1] = "hidden";
        args[2] = out.toString();
        System.arraycopy(SMALL, 0, args, 3, SMALL.length);
        System.arraycopy(more, 0, args, 3 + SMALL.length, more.length);
        return CliTest.run(args);
    }

    @Test
    void simulateThenCompareAgreesWithTheInMemoryRun() throws Exception {
        Path w = dir.resolve("world");
        CliTest.Run s = simulate(w);
        assertEquals(0, s.code(), s.err());
        for (String f : List.of("household.csv", "known.csv", "rds.csv", "lists.csv", "truth.json")) {
            assertTrue(Files.isRegularFile(w.resolve(f)), f);
        }
        // the same seed writes the same files
        Path w2 = dir.resolve("again");
        assertEquals(0, simulate(w2).code());
        for (String f : List.of("household.csv", "rds.csv", "lists.csv", "truth.json")) {
            assertEquals(Files.readString(w.resolve(f)), Files.readString(w2.resolve(f)), f);
        }
        JsonNode truth = new ObjectMapper().readTree(w.resolve("truth.json").toFile());
        assertEquals(400, truth.get("hidden_size").asInt());
        Path png = dir.resolve("compare.png");
        CliTest.Run c = CliTest.run("compare", w.toString(), "--replicates", "100", "--seed", "5", "--format", "json",
                "--plot", png.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.size(png) > 1000);
        JsonNode rows = new ObjectMapper().readTree(c.out()).get("estimates");
        // the files carry the world exactly: the CLI run equals Triangulation on the simulated world
        HiddenPopulationSimulator.World world = HiddenPopulationSimulator.withDefaults().withSizes(4000, 400)
                .withSamples(800, 150, 10, 3).withSeed(1).simulate();
        List<Triangulation.Row> mem = Triangulation.withDefaults().withReplicates(100).withSeed(5)
                .run(Triangulation.data(world), Triangulation.truth(world));
        assertEquals(mem.size(), rows.size());
        for (int i = 0; i < mem.size(); i++) {
            JsonNode r = rows.get(i);
            assertEquals(mem.get(i).method(), r.get("method").asText());
            assertEquals(mem.get(i).estimate(), r.get("estimate").asDouble(), 1e-9 * Math.abs(mem.get(i).estimate()),
                    mem.get(i).method());
            assertEquals(mem.get(i).truth(), r.get("truth").asDouble(), 0.0);
            assertTrue(r.get("covers").isBoolean());
        }
        assertEquals(10, rows.size());   // 4 size, 3 prevalence, 3 victims estimates
        CliTest.Run table = CliTest.run("compare", w.toString(), "--replicates", "50");
        assertTrue(table.out().contains("generalized NSUM"), table.out());
        assertTrue(table.out().contains("MSE (log-linear"), table.out());
    }

    @Test
    void memberDrawUniformIsTriangulationsUniformDraw() throws Exception {
        Path w = dir.resolve("world");
        assertEquals(0, simulate(w).code());
        CliTest.Run c = CliTest.run("compare", w.toString(), "--replicates", "100", "--seed", "5", "--member-draw",
                "uniform", "--format", "json");
        assertEquals(0, c.code(), c.err());
        JsonNode root = new ObjectMapper().readTree(c.out());
        assertEquals("uniform", root.get("member_draw").asText());
        JsonNode rows = root.get("estimates");
        HiddenPopulationSimulator.World world = HiddenPopulationSimulator.withDefaults().withSizes(4000, 400)
                .withSamples(800, 150, 10, 3).withSeed(1).simulate();
        List<Triangulation.Row> uniform = Triangulation.withDefaults().with(RdsBootstrap.MemberDraw.UNIFORM)
                .withReplicates(100).withSeed(5).run(Triangulation.data(world), Triangulation.truth(world));
        List<Triangulation.Row> degree = Triangulation.withDefaults().withReplicates(100).withSeed(5)
                .run(Triangulation.data(world), Triangulation.truth(world));
        assertEquals(uniform.size(), rows.size());
        boolean rdsIi = false;
        for (int i = 0; i < uniform.size(); i++) {
            Triangulation.Row u = uniform.get(i);
            JsonNode r = rows.get(i);
            assertEquals(u.method(), r.get("method").asText());
            if (u.interval() == null) {
                continue;
            }
            // the same tolerance as the default run above: the world goes through the CSV files
            double tol = 1e-9 * Math.abs(u.interval().upper());
            assertEquals(u.interval().lower(), r.get("interval").get("lower").asDouble(), tol, u.method());
            assertEquals(u.interval().upper(), r.get("interval").get("upper").asDouble(), tol, u.method());
            if (u.method().equals("RDS-II")) {
                rdsIi = true;
                assertTrue(u.interval().upper() != degree.get(i).interval().upper(), "the draw changes RDS-II");
            }
        }
        assertTrue(rdsIi);
        CliTest.Run def = CliTest.run("compare", w.toString(), "--replicates", "20", "--format", "json");
        assertEquals("degree", new ObjectMapper().readTree(def.out()).get("member_draw").asText());
        CliTest.Run bad = CliTest.run("compare", w.toString(), "--member-draw", "iid");
        assertEquals(2, bad.code());
    }

    @Test
    void badInput() {
        CliTest.Run none = CliTest.run("compare", dir.resolve("nothing").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("household.csv"), none.err());
        CliTest.Run bad = simulate(dir.resolve("x"), "--homophily", "1.5");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("homophily"), bad.err());
    }
}
