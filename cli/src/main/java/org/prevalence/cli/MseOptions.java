package org.prevalence.cli;

import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;
import org.prevalence.mse.ModelSelection;

/**
 * The checks of {@code prevalence mse}'s options: an option works as its help says or it is refused (exit 2,
 * naming the option). Values out of range, and options that do nothing in the chosen mode, are refused.
 */
final class MseOptions {
    private MseOptions() {
    }

    private static PrevalenceException refuse(String option, String template, Object... args) {
        return PrevalenceException.invalidArgument(option, template, args);
    }

    /** The checks that need no table. */
    static void check(MseCommand c) {
        CommonOptions o = c.common;
        if (o.threads < 0) {
            throw refuse("--threads", "--threads must be 0 (all cores) or a positive number of threads, got %d",
                    o.threads);
        }
        if (!(o.level > 0 && o.level < 1)) {
            throw refuse("--level", "--level must lie strictly between 0 and 1 (for example 0.95), got %s", o.level);
        }
        if (c.replicates < 1) {
            throw refuse("--replicates", "--replicates must be at least 1, got %d", c.replicates);
        }
        if (!(c.pthresh >= 0 && c.pthresh <= 1)) {
            throw refuse("--pthresh", "--pthresh must lie in [0, 1], got %s", c.pthresh);
        }
        if (c.model != null && c.select != null) {
            throw refuse("--model", "Give either --model or --select, not both");
        }
        boolean otherMode = c.method != null || c.bayes != null || c.closedModels;
        String mode = c.method != null ? "--method" : c.bayes != null ? "--bayes" : "--closed-models";
        if (c.maxOrder != null) {
            if (c.maxOrder < 1) {
                throw refuse("--max-order", "--max-order must be at least 1 (1 = main effects only), got %d",
                        c.maxOrder);
            }
            if (c.model != null) {
                throw refuse("--max-order", "--max-order bounds the AIC/BIC search; it does nothing with --model");
            }
            if (c.select == ModelSelection.STEPWISE) {
                throw refuse("--max-order", "--max-order bounds the AIC/BIC search; stepwise selection adds pairs only, "
                        + "so it does nothing with --select stepwise");
            }
            if (otherMode) {
                throw refuse("--max-order", "--max-order bounds the log-linear AIC/BIC search; it does nothing with %s",
                        mode);
            }
        }
        if (c.ntop != null) {
            if (c.ntop < 1) {
                throw refuse("--ntop", "--ntop must be at least 1 (the number of top BIC models), got %d", c.ntop);
            }
            if (c.interval != MseCommand.IntervalMethod.BOOTSTRAP || otherMode || c.compare) {
                throw refuse("--ntop", "--ntop sets the BIC bootstrap's candidate models; it needs --interval bootstrap");
            }
            if (c.select != null && c.select != ModelSelection.BIC) {
                throw refuse("--ntop", "--ntop is for the BIC bootstrap; it does nothing with --select %s",
                        EnumConverter.spelling(c.select));
            }
        }
        if (c.maxEstimate != null && !(c.maxEstimate > 0 && c.maxEstimate < Double.POSITIVE_INFINITY)) {
            throw refuse("--max-estimate", "--max-estimate must be a positive number of people, got %s", c.maxEstimate);
        }
        if (c.extendedMle) {
            if (c.select == ModelSelection.STEPWISE) {
                throw refuse("--extended-mle", "--extended-mle applies to --select aic, --select bic and --model; "
                        + "stepwise selection always uses SparseMSE's extended MLE");
            }
            if (otherMode) {
                throw refuse("--extended-mle", "--extended-mle applies to the log-linear models (--select aic/bic, "
                        + "--model); it does nothing with %s", mode);
            }
        }
    }

    private static final List<String> BMA_OPTIONS = List.of("--delta", "--prior", "--grid-max", "--strict");
    private static final List<String> LATENT_CLASS_OPTIONS = List.of("--classes", "--chains", "--burnin", "--samples",
            "--thin");

    /**
     * Refuses the Bayesian options given without the method they configure: the bma options need
     * {@code --bayes bma}, the latent-class options {@code --bayes latent-class} (or {@code --compare}, which
     * runs both with their defaults and so takes none of them either).
     */
    static void checkBayesOptions(MseCommand c, picocli.CommandLine.ParseResult parsed) {
        String with = c.bayes == null ? null : "with --bayes " + EnumConverter.spelling(c.bayes);
        for (String o : BMA_OPTIONS) {
            if (parsed.hasMatchedOption(o) && c.bayes != MseCommand.BayesMethod.BMA) {
                throw refuse(o, "%s configures --bayes bma; it does nothing %s", o,
                        with == null ? "without --bayes bma" : with);
            }
        }
        for (String o : LATENT_CLASS_OPTIONS) {
            if (parsed.hasMatchedOption(o) && c.bayes != MseCommand.BayesMethod.LATENT_CLASS) {
                throw refuse(o, "%s configures --bayes latent-class; it does nothing %s", o,
                        with == null ? "without --bayes latent-class" : with);
            }
        }
    }

    /** The checks that need the table's list count. */
    static void checkForTable(MseCommand c, ListOverlapTable t) {
        int k = t.listCount();
        if (c.maxOrder != null && c.maxOrder > k - 1) {
            throw refuse("--max-order", "--max-order %d: the table has %d lists, so the highest interaction order is %d",
                    c.maxOrder, k, k - 1);
        }
        // the library's default selection for this many lists (ModelSelection.AUTO), not a rule of ours
        boolean defaultStepwise = c.model == null && c.select == null
                && ModelSelection.AUTO.resolve(k) == ModelSelection.STEPWISE && c.method == null && c.bayes == null
                && !c.closedModels && !c.compare;
        if (defaultStepwise && c.extendedMle) {
            throw refuse("--extended-mle", "--extended-mle applies to --select aic, --select bic and --model; with %d "
                    + "lists the default is stepwise selection, which always uses SparseMSE's extended MLE", k);
        }
        if (defaultStepwise && c.maxOrder != null && c.ntop == null) {
            throw refuse("--max-order", "--max-order bounds the AIC/BIC search; with %d lists the default is stepwise "
                    + "selection: give --select bic or aic", k);
        }
    }
}
