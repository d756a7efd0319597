package org.prevalence.mse.bayes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.ListTables;

/** Test resources of this package: the published list tables and the dga reference figures. */
final class BmaTestData {
    private BmaTestData() {
    }

    static ListOverlapTable table(String dataset) {
        String name = dataset + ".csv";
        try (InputStream in = BmaTestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return ListTables.fromTable(CsvInput.withDefaults().read(in, name), null, "count");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a reference CSV: header skipped, '#' provenance lines skipped, quotes removed. */
    static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = BmaTestData.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(split(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String[] split(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                q = !q;
            } else if (ch == ',' && !q) {
                f.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        f.add(sb.toString());
        return f.toArray(new String[0]);
    }
}
