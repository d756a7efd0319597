package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.datasets.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code prevalence datasets [show NAME]}: the bundled datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, subcommands = PumsCommand.class,
        header = "List the bundled datasets, show one (prevalence datasets show NAME), or write a synthetic world "
                + "(prevalence datasets world DIR).",
        description = "Without arguments, lists every bundled dataset: name, kind and source. "
                + "'show NAME' prints the dataset, its provenance and a summary. 'world DIR' writes a seeded synthetic "
                + "world with a known truth (ILO 2012 regions): cases.csv and population.csv for 'prevalence regional "
                + "cases', national.csv and covariates.csv for 'prevalence regional surveys', and truth.csv.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "show|world", description = "'show' or 'world'.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME|DIR", description = "The dataset to show, or the folder for the world.")
    String name;

    @Override
    public Integer call() {
        if (action == null) {
            return list();
        }
        if (action.equals("world") && name != null) {
            return world(java.nio.file.Path.of(name));
        }
        if (!action.equals("show") || name == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), action.equals("show")
                    || action.equals("world") ? "'datasets " + action + "' needs a " + (action.equals("show")
                    ? "dataset NAME" : "folder DIR") : "Unknown action '" + action + "'; use 'datasets', 'datasets show "
                    + "NAME' or 'datasets world DIR'");
        }
        return show(Datasets.get(name));
    }

    private int world(java.nio.file.Path dir) {
        String problem = OutputFiles.folderProblem(dir);
        if (problem != null) {
            throw OutputFiles.cannot("the world to", dir, problem);
        }
        org.prevalence.datasets.world.SyntheticWorld.World w = org.prevalence.datasets.world.SyntheticWorld
                .withDefaults().withSeed(common.seed).generate();
        OutputFiles.folder(dir, "the world to");
        csv(dir, "cases.csv", w.casesTable());
        csv(dir, "population.csv", w.regionPopulationTable());
        csv(dir, "national.csv", w.nationalTable());
        csv(dir, "covariates.csv", w.covariatesTable());
        csv(dir, "truth.csv", w.countryTruthTable());
        spec.commandLine().getOut().println(w);
        spec.commandLine().getOut().println("written to " + dir.toAbsolutePath() + ": cases.csv, population.csv, "
                + "national.csv, covariates.csv, truth.csv");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void csv(java.nio.file.Path dir, String file, Table t) {
        OutputFiles.write(dir.resolve(file), "the world to", out -> t.write().csv(out));
    }

    private int list() {
        List<String> headers = List.of("name", "kind", "title", "source");
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Datasets.Dataset d : Datasets.all()) {
            rows.add(List.of(d.name(), d.kind().label(), d.title(), d.source()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("kind", d.kind().label());
            m.put("title", d.title());
            m.put("source", d.source());
            json.add(m);
        }
        String text = switch (common.format) {
            case json -> Output.json(json);
            case csv -> Output.csv(headers, rows);
            case table -> {
                List<List<String>> shortRows = new ArrayList<>();
                for (List<String> r : rows) {
                    shortRows.add(List.of(r.get(0), r.get(1), r.get(2)));
                }
                yield Output.table(List.of("name", "kind", "title"), shortRows)
                        + "\nShow one with: prevalence datasets show NAME\n";
            }
        };
        Output.write(common, spec.commandLine().getOut(), text);
        return 0;
    }

    private int show(Datasets.Dataset d) {
        if (common.format == CommonOptions.OutputFormat.csv) {
            Output.write(common, spec.commandLine().getOut(), d.csv());
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", d.name());
        json.put("kind", d.kind().label());
        json.put("title", d.title());
        json.put("provenance", d.provenance());
        sb.append(d.provenance()).append('\n');
        if (d.kind() == Datasets.Kind.LISTS) {
            ListOverlapTable t = Datasets.listTable(d.name());
            sb.append(t).append("\n\n").append(Summaries.overlaps(t));
            json.put("lists", t.listNames());
            json.put("observed", t.observedTotal());
            List<Map<String, Object>> hist = new ArrayList<>();
            for (int m : t.observedHistories()) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("history", ListOverlapTable.pattern(m, t.listCount()));
                h.put("count", t.count(m));
                hist.add(h);
            }
            json.put("histories", hist);
        } else {
            Table t = Datasets.table(d);
            sb.append(Summaries.survey(t));
            json.put("rows", t.rowCount());
            json.put("columns", t.columnNames());
        }
        Output.write(common, spec.commandLine().getOut(),
                common.format == CommonOptions.OutputFormat.json ? Output.json(json) : sb.toString());
        return 0;
    }
}
