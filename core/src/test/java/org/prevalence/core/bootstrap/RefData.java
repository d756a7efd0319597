package org.prevalence.core.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the replicate files copied from shared/refdata/mse (header, '#' provenance lines, rows). */
final class RefData {
    private RefData() {
    }

    /** @return the column {@code column} (0-based) of a test resource, as doubles */
    static double[] column(String resource, int column) {
        try (InputStream in = RefData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<Double> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                out.add(Double.parseDouble(line.split(",")[column]));
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return R's 1,000 SparseMSE replicate estimates for a dataset */
    static double[] bootreps(String dataset) {
        return column("bootreps-" + dataset + ".csv", 1);
    }
}
