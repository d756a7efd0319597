package org.prevalence.mse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/** Loads the published list tables copied into the test resources (header, '#' provenance lines, rows). */
final class Fixtures {
    private Fixtures() {
    }

    static ListOverlapTable table(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<String> names = Arrays.asList(header).subList(0, header.length - 1);
            List<int[]> pats = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                int[] p = new int[names.size()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = Integer.parseInt(f[j].strip());
                }
                pats.add(p);
                counts.add(Long.parseLong(f[names.size()].strip()));
            }
            return ListOverlapTable.fromHistories(names, pats.toArray(new int[0][]),
                    counts.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
