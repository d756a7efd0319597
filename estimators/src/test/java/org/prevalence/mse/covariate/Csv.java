package org.prevalence.mse.covariate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small unquoted-or-quoted CSV resources of these tests (no commas inside fields). */
final class Csv {
    private Csv() {
    }

    static Map<String, String[]> columns(String name) {
        List<String[]> rows = rows(name);
        Map<String, String[]> out = new LinkedHashMap<>();
        String[] head = rows.get(0);
        for (int j = 0; j < head.length; j++) {
            String[] col = new String[rows.size() - 1];
            for (int i = 1; i < rows.size(); i++) {
                col[i - 1] = rows.get(i)[j];
            }
            out.put(head[j], col);
        }
        return out;
    }

    static List<String[]> rows(String name) {
        try (InputStream in = Csv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int j = 0; j < f.length; j++) {
                    f[j] = f[j].replace("\"", "");
                }
                out.add(f);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
