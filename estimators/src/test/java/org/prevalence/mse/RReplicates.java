package org.prevalence.mse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** R's SparseMSE replicate estimates copied into the test resources (bootreps-DATASET.csv, '#' provenance lines). */
final class RReplicates {
    private RReplicates() {
    }

    static double[] of(String dataset) {
        try (InputStream in = RReplicates.class.getResourceAsStream("bootreps-" + dataset + ".csv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<Double> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(Double.parseDouble(line.split(",")[1]));
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
