package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.Linkage;
import org.prevalence.linkage.blocking.Blocking;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.model.FellegiSunter;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldMapping;
import org.prevalence.linkage.records.RecordReader;
import picocli.CommandLine.Option;

/**
 * The record-linkage options shared by {@code prevalence link} and {@code prevalence mse --records} (a picocli
 * mixin): the id column, the field mapping, blocking rules and their cap, the threshold and the name swap. It
 * builds the configured reader and {@link Linkage}; it links nothing itself.
 */
final class LinkageOptions {
    @Option(names = "--id", paramLabel = "COLUMN", description = "The record id column of every list (default: the row number).")
    String id;

    @Option(names = "--field", paramLabel = "NAME=COLUMN",
            description = "A linkage field and the column holding it, repeatable (at least one), for example --field "
                    + "given_name=first_name --field dob=birth_date. Names with 'date' or 'dob' are dates, "
                    + "sex/gender/nationality/country categories, names with 'name' names, others text.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--block", paramLabel = "RULE", description = "A blocking rule, repeatable, for example "
            + "--block 'soundex(surname), year(dob)' --block dob (default: rules from the mapped names and dates).")
    List<String> blocks = new ArrayList<>();

    @Option(names = "--max-pairs", paramLabel = "N", defaultValue = "50000000",
            description = "The most pairs one blocking rule may produce (default: ${DEFAULT-VALUE}).")
    long maxPairs;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "Match probability threshold of both clusterings (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--name-swap", paramLabel = "GIVEN,SURNAME", description = "Also compare these two name fields crosswise.")
    String nameSwap;

    /**
     * @param files the list files, one per list
     * @return the records, read with the mapped fields
     * @throws PrevalenceException without a {@code --field}, or for a file the reader refuses (naming file, row, field)
     */
    CaseRecords read(List<Path> files) {
        if (fields.isEmpty()) {
            throw PrevalenceException.invalidArgument("--field", "map at least one linkage field with --field NAME=COLUMN");
        }
        FieldMapping mapping = FieldMapping.withDefaults();
        for (String f : fields) {
            mapping = mapping.withSpec(f);
        }
        return RecordReader.withDefaults().with(mapping).withIdColumn(id).readFiles(files);
    }

    /**
     * @param seed the seed of the model's random pairs
     * @return the configured linkage
     */
    Linkage linkage(long seed) {
        Blocking blocking = Blocking.withDefaults().withCap(maxPairs);
        for (String b : blocks) {
            blocking = blocking.with(b);
        }
        Comparer comparer = Comparer.withDefaults();
        if (nameSwap != null) {
            String[] two = nameSwap.split(",");
            if (two.length != 2) {
                throw PrevalenceException.invalidArgument("--name-swap", "--name-swap takes two fields, for example given_name,surname");
            }
            comparer = comparer.withNameSwap(two[0].strip(), two[1].strip());
        }
        return Linkage.withDefaults().with(blocking).with(comparer).withThreshold(threshold)
                .with(FellegiSunter.withDefaults().withSeed(seed));
    }
}
