package org.prevalence.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.blocking.CandidatePairs;
import org.prevalence.linkage.cluster.ClusterMethod;
import org.prevalence.linkage.records.CaseRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prevalence link A.csv B.csv ...}: record linkage of case lists into a list-overlap table. */
@Command(name = "link", mixinStandardHelpOptions = true,
        header = "Link case records within and across lists (one CSV file per list) into persons and a list-overlap table.",
        description = "Standardises the mapped fields, blocks (each --block rule's pair count is printed), compares, "
                + "fits a Fellegi-Sunter model (u from random pairs, m by EM per blocking rule) and clusters the records "
                + "by connected components and by average linkage; the overlap table counts the average-linkage clusters. "
                + "Personal values are never printed: errors name the file, row and field.")
final class LinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "LIST.csv", description = "One CSV file per list (the list is named after the file).")
    List<Path> files;

    @Mixin
    LinkageOptions linking;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the linked records: list, the record's id, cluster_id.")
    Path out;

    @Option(names = "--table", paramLabel = "FILE", description = "Write the overlap table: a 0/1 column per list and count.")
    Path table;

    @Option(names = "--review", paramLabel = "FILE", description = "Write the uncertain pairs (probability 0.2 to 0.8) for review.")
    Path review;

    @Override
    public Integer call() {
        CommonOptions.checkedFile(spec, "--out", out);
        CommonOptions.checkedFile(spec, "--table", table);
        CommonOptions.checkedFile(spec, "--review", review);
        CaseRecords records = linking.read(files);
        Linkage.Result r = linking.linkage(common.seed).link(records);
        String id = linking.id;
        if (out != null) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                rows.add(List.of(records.listNames().get(records.list(i)), records.id(i), r.clusters().clusterId(i)));
            }
            write(out, "--out", Output.csv(List.of("list", id == null ? "row" : id, "cluster_id"), rows));
        }
        if (table != null) {
            ListOverlapTable t = r.table().orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--table needs 2 to 15 list files"));
            List<String> headers = new ArrayList<>(t.listNames());
            headers.add("count");
            List<List<String>> rows = new ArrayList<>();
            for (int m : t.observedHistories()) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < t.listCount(); j++) {
                    row.add((m >> j & 1) == 1 ? "1" : "0");
                }
                row.add(Long.toString(t.count(m)));
                rows.add(row);
            }
            write(table, "--table", Output.csv(headers, rows));
        }
        if (review != null) {
            List<List<String>> rows = new ArrayList<>();
            for (Linkage.Result.Pair p : r.review()) {
                rows.add(List.of(records.listNames().get(records.list(p.left())), records.id(p.left()),
                        records.listNames().get(records.list(p.right())), records.id(p.right()), Output.raw(p.weight()),
                        Output.raw(p.probability())));
            }
            write(review, "--review", Output.csv(List.of("list_1", "id_1", "list_2", "id_2", "weight", "probability"), rows));
        }
        Output.write(common, spec.commandLine().getOut(), switch (common.format) {
            case json -> Output.json(json(r));
            case csv -> Output.csv(List.of("field", "level", "m", "u", "weight"), parameterRows(r.parameters(), true));
            case table -> text(r);
        });
        return 0;
    }

    private static void write(Path file, String option, String text) {
        OutputFiles.write(file, option, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> parameterRows(org.prevalence.linkage.model.Parameters p, boolean raw) {
        List<List<String>> rows = new ArrayList<>();
        for (org.prevalence.linkage.model.Parameters.Row row : p.rows()) {
            rows.add(List.of(row.field(), row.level(), raw ? Output.raw(row.m()) : Output.fmt("%.6f", row.m()),
                    raw ? Output.raw(row.u()) : Output.fmt("%.6f", row.u()), raw ? Output.raw(row.weight()) : Output.fmt("%.3f", row.weight())));
        }
        return rows;
    }

    private static String text(Linkage.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.records()).append("\n\nBlocking (pairs per rule, before the union):\n");
        List<List<String>> rows = new ArrayList<>();
        for (CandidatePairs.RuleCount c : r.blocking()) {
            rows.add(List.of(c.rule(), Output.count(c.pairs())));
        }
        sb.append(Output.table(List.of("rule", "pairs"), rows));
        sb.append(Output.fmt("%s candidate pairs compared%n%nFellegi-Sunter parameters:%n", Output.count(r.pairCount())));
        sb.append(r.parameters().toTable());
        sb.append(Output.fmt("%nClusters: %d connected components, %d average-linkage clusters (%d records); %d pairs to review%n",
                r.clusters(ClusterMethod.CONNECTED_COMPONENTS).count(), r.clusters(ClusterMethod.AVERAGE_LINKAGE).count(),
                r.records().size(), r.review().size()));
        r.table().ifPresent(t -> sb.append('\n').append(t).append('\n'));
        return sb.toString();
    }

    /** @return JSON {@code blocking[{rule, pairs}]}: each blocking rule's candidate-pair count */
    static List<Map<String, Object>> blockingJson(Linkage.Result r) {
        List<Map<String, Object>> blocking = new ArrayList<>();
        for (CandidatePairs.RuleCount c : r.blocking()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("rule", c.rule());
            b.put("pairs", c.pairs());
            blocking.add(b);
        }
        return blocking;
    }

    /** @return the model's m and u probabilities and match weight of each field's agreement level */
    static List<Map<String, Object>> parametersJson(Linkage.Result r) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (org.prevalence.linkage.model.Parameters.Row row : r.parameters().rows()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("field", row.field());
            p.put("level", row.level());
            p.put("m", row.m());
            p.put("u", row.u());
            p.put("weight", row.weight());
            params.add(p);
        }
        return params;
    }

    private static Map<String, Object> json(Linkage.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocking", blockingJson(r));
        m.put("candidate_pairs", r.pairCount());
        m.put("parameters", parametersJson(r));
        m.put("lambda", r.parameters().lambda());
        Map<String, Object> clusters = new LinkedHashMap<>();
        clusters.put("records", r.records().size());
        clusters.put("connected_components", r.clusters(ClusterMethod.CONNECTED_COMPONENTS).count());
        clusters.put("average_linkage", r.clusters(ClusterMethod.AVERAGE_LINKAGE).count());
        m.put("clusters", clusters);
        r.table().ifPresent(t -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("lists", t.listNames());
            List<Map<String, Object>> h = new ArrayList<>();
            for (int mask : t.observedHistories()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("history", ListOverlapTable.pattern(mask, t.listCount()));
                c.put("count", t.count(mask));
                h.add(c);
            }
            tm.put("histories", h);
            tm.put("observed", t.observedTotal());
            m.put("table", tm);
        });
        return m;
    }
}
