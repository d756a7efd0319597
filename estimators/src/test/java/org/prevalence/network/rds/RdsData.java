package org.prevalence.network.rds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: the R RDS data sets exported to test resources (see README.md there). */
final class RdsData {
    final RdsSample sample;
    final double[] disease;

    private RdsData(RdsSample sample, double[] disease) {
        this.sample = sample;
        this.disease = disease;
    }

    static List<String[]> rows(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RdsData.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            List<String[]> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RdsData load(String dataset) {
        List<String[]> rows = rows(dataset + ".csv");
        int n = rows.size() - 1;
        String[] id = new String[n];
        String[] rec = new String[n];
        double[] deg = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i + 1);
            id[i] = r[0];
            rec[i] = r[1];
            deg[i] = Double.parseDouble(r[2]);
            y[i] = Double.parseDouble(r[3]);
        }
        return new RdsData(RdsSample.of(id, rec, deg), y);
    }

    /** @return expected values keyed by "case/dataset" */
    static Map<String, Double> expected(String resource) {
        Map<String, Double> m = new HashMap<>();
        List<String[]> rows = rows(resource);
        for (String[] r : rows.subList(1, rows.size())) {
            m.put(r[0] + "/" + r[1], Double.parseDouble(r[2]));
        }
        return m;
    }
}
