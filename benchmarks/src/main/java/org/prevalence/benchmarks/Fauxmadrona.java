package org.prevalence.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.prevalence.network.rds.RdsSample;

/** R RDS's {@code fauxmadrona} (500 respondents; fauxmadrona.csv beside this class): the sample and its outcome. */
final class Fauxmadrona {
    final RdsSample sample;
    final double[] disease;

    private Fauxmadrona(RdsSample sample, double[] disease) {
        this.sample = sample;
        this.disease = disease;
    }

    static Fauxmadrona load() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Fauxmadrona.class.getResourceAsStream("fauxmadrona.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        String[] id = new String[n];
        String[] rec = new String[n];
        double[] deg = new double[n];
        double[] disease = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = rows.get(i)[0];
            rec[i] = rows.get(i)[1];
            deg[i] = Double.parseDouble(rows.get(i)[2]);
            disease[i] = Double.parseDouble(rows.get(i)[3]);
        }
        return new Fauxmadrona(RdsSample.of(id, rec, deg), disease);
    }
}
