package org.prevalence.datasets.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.CsvInput;
import tech.tablesaw.api.Table;

/**
 * The bundled published regional tables of forced labour and modern slavery (ILO 2005 and 2012,
 * Global Estimates 2017 and 2022, national MSE studies) and the region editions, each row with
 * its {@code status} ({@code verified}, {@code verified_rounded(...)}, {@code recalled_not_reverified})
 * and {@code source_id}; {@link #provenance()} gives the sources.
 *
 * <pre>{@code
 * Table ilo2012 = PublishedTables.table("ilo2012_regional_forced_labour");
 * Table regions = PublishedTables.regions("ilo2012_regions");
 * }</pre>
 */
public final class PublishedTables {
    private static final String ROOT = "/org/prevalence/datasets/";
    /** The names of the bundled published tables. */
    public static final List<String> NAMES = List.of("ilo2005_regional_forced_labour",
            "ilo2012_regional_forced_labour", "ilo2012_forced_labour_breakdown", "gems2017_regional_prevalence",
            "gems2017_global_components", "gems2022_regional", "gems2022_global_components",
            "gems2022_income_group_prevalence", "mse_national_published_estimates");
    /** The names of the bundled region editions. */
    public static final List<String> EDITIONS = List.of("ilo2005_regions", "ilo2012_regions", "global_estimates_regions");

    private PublishedTables() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @return the table (status and source_id columns included)
     */
    public static Table table(String name) {
        if (!NAMES.contains(name)) {
            throw PrevalenceException.invalidArgument("table '" + name + "'", "No published table '%s'; the tables are %s",
                    name, NAMES);
        }
        return read("published/" + name + ".csv", name);
    }

    /**
     * @param name one of {@link #EDITIONS}
     * @return the edition's regions ({@code region, code, description})
     */
    public static Table regions(String name) {
        if (!EDITIONS.contains(name)) {
            throw PrevalenceException.invalidArgument("edition '" + name + "'", "No region edition '%s'; the editions are %s",
                    name, EDITIONS);
        }
        return read("regions/" + name + ".csv", name);
    }

    /** @return the provenance of the published tables: sources and the meaning of each status */
    public static String provenance() {
        return text("published/provenance.txt");
    }

    static Table read(String resource, String name) {
        try (InputStream in = stream(resource)) {
            return CsvInput.withDefaults().read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = PublishedTables.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IllegalStateException("Bundled resource missing: " + ROOT + resource);
        }
        return in;
    }
}
