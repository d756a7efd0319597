package org.prevalence.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code prevalence mse} options of multiple systems estimation with covariates, years and structural zeros
 * ({@link org.prevalence.mse.covariate.CovariateMse}, as R's {@code mse::model_search}); a picocli mixin.
 * Any of {@code --covariates} or {@code --year} selects this mode ({@link CovariateMode}).
 */
final class CovariateOptions {
    @Option(names = "--covariates", split = ",", paramLabel = "C1,C2,..",
            description = "Covariate mode: categorical covariate columns the lists may interact with (needs --lists; "
                    + "one row per case, or a contingency table with --count).")
    List<String> covariates;

    @Option(names = "--year", paramLabel = "COL", description = "Covariate mode: the numeric year column.")
    String year;

    @Option(names = "--year-degree", paramLabel = "D", defaultValue = "0",
            description = "Covariate mode: the year as an orthogonal polynomial of degree D (R poly), 0 = as a factor "
                    + "(default ${DEFAULT-VALUE}).")
    int yearDegree;

    @Option(names = "--absent", paramLabel = "LIST:COL=L1,L2", split = ";",
            description = "Covariate mode: a structural zero, a list that did not operate in those levels of a "
                    + "covariate or years, e.g. R3:year=2015,2016 (repeat the option for more).")
    List<String> absent;

    @Option(names = "--search", paramLabel = "stepwise", converter = Searches.class,
            completionCandidates = Searches.class, defaultValue = "stepwise",
            description = "Covariate mode: the model search, stepwise (mse's model_search; default).")
    Search search;

    @Option(names = "--min", paramLabel = "MODEL", defaultValue = "main",
            description = "Covariate mode: the minimal model, main, pairs or interactions such as R1:R2,R3:sex "
                    + "(default ${DEFAULT-VALUE}). --min main --max main fits that one model.")
    String min;

    @Option(names = "--max", paramLabel = "MODEL", defaultValue = "pairs",
            description = "Covariate mode: the maximal model, main, pairs or interactions (default ${DEFAULT-VALUE}).")
    String max;

    @Option(names = "--by", split = ",", paramLabel = "C1,C2",
            description = "Covariate mode: report the estimate by the levels of these covariates (and by pairs of "
                    + "their levels); the whole population always comes first.")
    List<String> by;

    /** @return whether the covariate mode was asked for */

    boolean active() {
        return covariates != null || year != null;
    }

    /** {@code --search}: the searches. */
    enum Search {
        STEPWISE
    }

    static final class Searches extends EnumConverter<Search> {
        Searches() {
            super(Search.class);
        }
    }
}
