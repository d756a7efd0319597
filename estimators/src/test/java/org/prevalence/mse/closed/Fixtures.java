package org.prevalence.mse.closed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/** Loads the list-overlap tables copied into the test resources (list-NAME.csv: 0/1 columns, count last). */
final class Fixtures {
    private Fixtures() {
    }

    static ListOverlapTable table(String dataset) {
        String res = "list-" + dataset + ".csv";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Fixtures.class.getResourceAsStream(res), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            List<String> names = Arrays.asList(header).subList(0, header.length - 1);
            List<int[]> patterns = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                int[] p = new int[names.size()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = Integer.parseInt(f[j].trim());
                }
                patterns.add(p);
                counts.add(Long.parseLong(f[f.length - 1].trim()));
            }
            return ListOverlapTable.fromHistories(names, patterns.toArray(new int[0][]),
                    counts.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rcapture's row name to our model. */
    static ClosedModel model(String rcaptureName) {
        switch (rcaptureName) {
            case "M0": return ClosedModel.M0;
            case "Mt": return ClosedModel.MT;
            case "Mh Chao (LB)": case "MhChao": return ClosedModel.MH_CHAO;
            case "Mh Poisson2": return ClosedModel.MH_POISSON;
            case "Mh Darroch": return ClosedModel.MH_DARROCH;
            case "Mh Gamma3.5": return ClosedModel.MH_GAMMA;
            case "Mth Chao (LB)": return ClosedModel.MTH_CHAO;
            case "Mth Poisson2": return ClosedModel.MTH_POISSON;
            case "Mth Darroch": return ClosedModel.MTH_DARROCH;
            case "Mth Gamma3.5": return ClosedModel.MTH_GAMMA;
            case "Mb": return ClosedModel.MB;
            case "Mbh": return ClosedModel.MBH;
            default: throw new IllegalArgumentException(rcaptureName);
        }
    }
}
