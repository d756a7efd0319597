package org.prevalence.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.core.lists.ListTables;
import tech.tablesaw.api.Table;

/**
 * The bundled datasets: published list-overlap tables of modern-slavery MSE studies and the
 * survey samples of R's {@code survey} package, each with its provenance.
 *
 * <pre>{@code
 * ListOverlapTable uk = Datasets.listTable("uk2013_5lists");   // 2,744 cases on 5 lists
 * Table apistrat = Datasets.surveyTable("apistrat");
 * Datasets.all().forEach(System.out::println);
 * }</pre>
 */
public final class Datasets {
    private static final String ROOT = "/org/prevalence/datasets/";
    private static final List<Dataset> ALL = loadCatalog();

    private Datasets() {
    }

    /** The kind of a bundled dataset. */
    public enum Kind {
        /** A list-overlap table (capture histories with counts). */
        LISTS,
        /** A survey sample (one row per respondent or unit). */
        SURVEY,
        /** A published table of regional or national estimates (each figure marked verified or recalled). */
        PUBLISHED,
        /** A region edition: the regions of a publication (user-replaceable by a CSV of the same shape). */
        REGIONS;

        /** @return the lower-case name used in the catalogue */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A bundled dataset's catalogue entry.
     * @param name     the name to load it by
     * @param kind     what it is
     * @param resource the resource path below {@code org/prevalence/datasets/}
     * @param title    a one-line description
     * @param source   the original publication or source
     */
    public record Dataset(String name, Kind kind, String resource, String title, String source) {
        /** @return the full provenance text bundled beside the data */
        public String provenance() {
            String own = resource.replace(".csv", ".provenance.txt");
            if (Datasets.class.getResource(ROOT + own) != null) {
                return text(own);
            }
            return text(resource.substring(0, resource.lastIndexOf('/') + 1) + "provenance.txt");
        }

        /** @return the raw CSV text */
        public String csv() {
            return text(resource);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %-7s %s", name, kind.label(), title);
        }
    }

    /** @return every bundled dataset, in catalogue order */
    public static List<Dataset> all() {
        return ALL;
    }

    /**
     * @param name a dataset name (case-insensitive)
     * @return its catalogue entry
     * @throws PrevalenceException if there is no such dataset
     */
    public static Dataset get(String name) {
        for (Dataset d : ALL) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        List<String> names = new ArrayList<>();
        ALL.forEach(d -> names.add(d.name()));
        throw PrevalenceException.invalidArgument("dataset '" + name + "'",
                "No bundled dataset '%s'; the datasets are %s", name, names);
    }

    /**
     * @param name the name of a bundled list-overlap table
     * @return the table
     */
    public static ListOverlapTable listTable(String name) {
        Dataset d = get(name);
        if (d.kind() != Kind.LISTS) {
            throw PrevalenceException.invalidArgument("dataset '" + name + "'",
                    "Dataset '%s' is a %s dataset, not a list-overlap table", name, d.kind().label());
        }
        return ListTables.fromTable(table(d), null, "count");
    }

    /**
     * @param name the name of a bundled survey sample
     * @return the sample as a table
     */
    public static Table surveyTable(String name) {
        Dataset d = get(name);
        if (d.kind() != Kind.SURVEY) {
            throw PrevalenceException.invalidArgument("dataset '" + name + "'",
                    "Dataset '%s' is a %s dataset, not a survey sample", name, d.kind().label());
        }
        return table(d);
    }

    /**
     * @param name the name of a bundled published table or region edition
     * @return the table
     */
    public static Table publishedTable(String name) {
        Dataset d = get(name);
        if (d.kind() != Kind.PUBLISHED && d.kind() != Kind.REGIONS) {
            throw PrevalenceException.invalidArgument("dataset '" + name + "'",
                    "Dataset '%s' is a %s dataset, not a published table", name, d.kind().label());
        }
        return table(d);
    }

    /**
     * @param d a catalogue entry
     * @return its data as a table
     */
    public static Table table(Dataset d) {
        try (InputStream in = stream(d.resource())) {
            return CsvInput.withDefaults().read(in, d.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = Datasets.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IllegalStateException("Bundled resource missing: " + ROOT + resource);
        }
        return in;
    }

    private static String text(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Dataset> loadCatalog() {
        Table t = CsvInput.withDefaults().read(text("catalog.csv"), "catalog.csv");
        String[] name = Columns.strings(t, "name");
        String[] kind = Columns.strings(t, "kind");
        String[] resource = Columns.strings(t, "resource");
        String[] title = Columns.strings(t, "title");
        String[] source = Columns.strings(t, "source");
        List<Dataset> out = new ArrayList<>();
        for (int r = 0; r < name.length; r++) {
            out.add(new Dataset(name[r], Kind.valueOf(kind[r].toUpperCase(Locale.ROOT)), resource[r], title[r],
                    source[r]));
        }
        return List.copyOf(out);
    }
}
