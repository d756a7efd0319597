package org.prevalence.mse.bayes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.lists.ListOverlapTable;

/** Test fixtures: list tables copied from shared/refdata with a provenance header. */
final class LcmFixtures {
    private LcmFixtures() {
    }

    /**
     * Reads a resource table: header (list names, then "count"), {@code #} provenance lines, then one
     * 0/1 row per observed history with its count; built with {@link ListOverlapTable#fromHistories}.
     */
    static ListOverlapTable table(String name) {
        try (InputStream in = LcmFixtures.class.getResourceAsStream(name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String[] header = lines[0].split(",");
            List<String> lists = Arrays.asList(header).subList(0, header.length - 1);
            List<int[]> rows = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] cells = lines[i].split(",");
                int[] row = new int[lists.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Integer.parseInt(cells[j].trim());
                }
                rows.add(row);
                counts.add(Long.parseLong(cells[cells.length - 1].trim()));
            }
            return ListOverlapTable.fromHistories(lists, rows.toArray(new int[0][]),
                    counts.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
