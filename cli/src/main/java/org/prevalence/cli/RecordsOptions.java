package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.LinkageSampler;
import org.prevalence.mse.LinkageAveraging;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code prevalence mse --records A.csv B.csv ...}: case records linked into the overlap table in the same call
 * (a picocli mixin holding the {@link LinkageOptions} of {@code prevalence link}), and how the linkage error is
 * carried into N.
 */
final class RecordsOptions {
    /** How the linkage error is carried into N; the naive estimate is always reported beside. */
    enum Uncertainty {
        /** Linkage averaging over clusterings drawn from the pair probabilities (Sadinle 2018). */
        AVERAGING,
        /** The Ding-Fienberg / Di Consiglio-Tuoto correction with the model's link rates. */
        CORRECTION,
        /** The naive estimate only (the linked table taken as exact). */
        NONE
    }

    /** The CLI spellings of {@link Uncertainty}. */
    static final class Uncertainties extends EnumConverter<Uncertainty> {
        Uncertainties() {
            super(Uncertainty.class);
        }
    }

    @Option(names = "--records", arity = "1..*", paramLabel = "LIST.csv",
            description = "Case records, one CSV file per list (2 to 15, the list named after the file): linked with "
                    + "the 'prevalence link' options (--field, --id, --block, --max-pairs, --threshold, --name-swap) "
                    + "and estimated with the log-linear options (--model, --select, --interval lognormal|profile).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--linkage-uncertainty", split = ",", paramLabel = "averaging|correction|none",
            converter = Uncertainties.class, completionCandidates = Uncertainties.class,
            description = "With --records: averaging (the estimate on each of --linkage-draws clusterings drawn from the "
                    + "pair probabilities, combined by total variance as verdata), correction (the overlap table "
                    + "corrected by E[observed] = Q(alpha, beta) x true, Ding and Fienberg 1994, with alpha and beta "
                    + "from the model), both comma-separated, or none; the naive estimate is always reported "
                    + "(default: averaging,correction).")
    List<Uncertainty> uncertainty = new ArrayList<>(List.of(Uncertainty.AVERAGING, Uncertainty.CORRECTION));

    @Option(names = "--linkage-draws", paramLabel = "S", defaultValue = "" + LinkageSampler.DEFAULT_DRAWS,
            description = "Linkage averaging: clusterings drawn (default: ${DEFAULT-VALUE}), seeded by --seed.")
    int draws = LinkageSampler.DEFAULT_DRAWS;

    @Option(names = "--linkage-rates", paramLabel = "ALPHA,BETA", split = ",",
            description = "The correction's link rate alpha (the share of true links made) and false-link rate beta "
                    + "(the share of records with no true match on an earlier list that were linked to one), for example "
                    + "from a clerical review of a sample (default: estimated from the model's pair probabilities, "
                    + "which cannot see matches that blocking missed and so overstates alpha).")
    List<Double> rates;

    @Mixin
    LinkageOptions linking = new LinkageOptions();

    private static final List<String> LINKING = List.of("--id", "--field", "--block", "--max-pairs", "--threshold",
            "--name-swap", "--linkage-uncertainty", "--linkage-draws", "--linkage-rates");

    /**
     * Refuses the linkage options without {@code --records} (they would do nothing).
     *
     * @param parsed the command's parse result
     */
    void checkUnused(ParseResult parsed) {
        if (given()) {
            return;
        }
        for (String o : LINKING) {
            if (parsed.hasMatchedOption(o)) {
                throw PrevalenceException.invalidArgument(o, "%s links case records; it does nothing without --records", o);
            }
        }
    }

    /**
     * Links the records and estimates N with the command's log-linear options, each linkage-uncertainty method
     * beside the naive estimate.
     *
     * @param c the command, for its log-linear options and common options
     * @return the outcome
     * @throws PrevalenceException for an option that does nothing with --records, or bad records
     */
    MseModes.Outcome run(MseCommand c) {
        if (c.input.file != null || c.input.dataset != null) {
            throw PrevalenceException.invalidArgument("--records", "give either a table (FILE or --dataset) or --records, not both");
        }
        String other = c.method != null ? "--method" : c.bayes != null ? "--bayes" : c.compare ? "--compare"
                : c.closedModels ? "--closed-models" : c.input.stratum != null ? "--stratum"
                : c.interval == MseCommand.IntervalMethod.BOOTSTRAP ? "--interval bootstrap" : null;
        if (other != null) {
            throw PrevalenceException.invalidArgument(other, "%s does not work with --records, which estimates N with a "
                    + "log-linear model (--model, --select, --interval lognormal|profile)", other);
        }
        Set<Uncertainty> m = methods();
        org.prevalence.linkage.Linkage.Result r = linking.linkage(c.common.seed).link(linking.read(files));
        int k = r.records().listNames().size();
        if (k < org.prevalence.core.lists.ListOverlapTable.MIN_LISTS) {
            throw PrevalenceException.invalidArgument("--records", "--records needs 2 to 15 list files, got %d", k);
        }
        LinkageSampler sampler = LinkageSampler.withDefaults().withDraws(draws).withSeed(c.common.seed)
                .withThreads(c.common.threadCount());
        LinkageSampler.ErrorRates given = rates == null ? null : new LinkageSampler.ErrorRates(rates.get(0), rates.get(1));
        return RecordsMode.run(String.join(", ", r.records().listNames()), r, m, c.logLinear(k), sampler,
                LinkageAveraging.withDefaults().withConfidenceLevel(c.common.level), given);
    }

    /** @return whether {@code --records} was given */
    boolean given() {
        return !files.isEmpty();
    }

    /** @return the chosen methods (an error for none combined with another) */
    Set<Uncertainty> methods() {
        Set<Uncertainty> s = EnumSet.noneOf(Uncertainty.class);
        s.addAll(uncertainty);
        if (s.contains(Uncertainty.NONE) && s.size() > 1) {
            throw PrevalenceException.invalidArgument("--linkage-uncertainty", "none cannot be combined with %s",
                    uncertainty);
        }
        if (rates != null && (rates.size() != 2 || !s.contains(Uncertainty.CORRECTION))) {
            throw PrevalenceException.invalidArgument("--linkage-rates", rates.size() != 2
                    ? "--linkage-rates takes two numbers, ALPHA,BETA, got %d" : "--linkage-rates is used by the correction; "
                    + "add correction to --linkage-uncertainty", rates.size());
        }
        if (draws < 2) {
            throw PrevalenceException.invalidArgument("--linkage-draws", "--linkage-draws must be at least 2, got %d", draws);
        }
        return s;
    }
}
