package org.prevalence.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.MissingValues;
import org.prevalence.survey.MultipleImputation;
import org.prevalence.survey.SurveyDesign;
import picocli.CommandLine.Option;

/**
 * Multiple imputation in {@code prevalence survey} (a picocli mixin): {@code --imputations imp1.csv,imp2.csv,...}
 * reads each completed data set with the command's design options, runs the command's estimate ({@code --mean},
 * {@code --total}, ..., or {@code --glm}) on each and combines them by Rubin's rules with the Barnard-Rubin df
 * ({@link MultipleImputation}, R {@code mitools::MIcombine}); {@code --df-complete} is R's {@code df.complete}.
 * JSON: {@code imputations}, {@code files}, {@code variance}, {@code terms[{term, estimate, se, df, lower, upper,
 * level, missing_information}]} (an infinite df is null).
 */
final class ImputationOptions {
    @Option(names = "--imputations", split = ",", paramLabel = "IMP.csv[,IMP.csv...]",
            description = "Completed data sets with the same design (instead of FILE): the estimate on each, combined by "
                    + "Rubin's rules with the Barnard-Rubin df (R mitools::MIcombine).")
    List<Path> files;

    @Option(names = "--df-complete", paramLabel = "DF",
            description = "With --imputations: the complete-data degrees of freedom (R MIcombine df.complete; default infinite).")
    Double dfComplete;

    /** @return whether multiple imputation is asked for */
    boolean wanted() {
        return files != null;
    }

    /** Runs the command on each imputation and writes the combined result. */
    int run(SurveyCommand cmd) {
        if (cmd.file != null || cmd.dataset != null) {
            throw PrevalenceException.invalidArgument("--imputations", "--imputations names the completed data sets; "
                    + "give no FILE or --dataset beside it");
        }
        if (cmd.models.chisq != null || cmd.models.ttest != null || cmd.models.testTerms != null
                || cmd.models.contrast != null) {
            throw PrevalenceException.invalidArgument("--imputations", "--imputations combines estimates and --glm "
                    + "coefficients; tests (--chisq, --ttest, --test-terms, --contrast) are not combined");
        }
        if (cmd.report.wanted() || cmd.plot.wanted()) {
            throw PrevalenceException.invalidArgument("--imputations", "--report and --plot are not made for "
                    + "--imputations; leave them out");
        }
        List<SurveyDesign> designs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path f : files) {
            cmd.file = f;
            designs.add(cmd.adjust(cmd.replicate(cmd.design())));
            labels.add(f.getFileName().toString());
        }
        cmd.file = null;
        MultipleImputation mi = MultipleImputation.withDefaults().withConfidenceLevel(cmd.common.level);
        if (dfComplete != null) {
            mi = mi.withCompleteDataDf(dfComplete);
        }
        MissingValues mv = cmd.dropMissing ? MissingValues.DROP : MissingValues.FAIL;
        MultipleImputation.Result r = mi.estimate(designs, labels, d -> {
            if (cmd.models.wanted()) {
                org.prevalence.survey.model.SurveyGlm.Result g = cmd.models.run(d, mv, cmd.common.level,
                        cmd.common.threadCount()).model();
                return new MultipleImputation.Completed(g.getCoefficientNames(), g.getCoefficients(), g.getCovariance());
            }
            return MultipleImputation.Completed.of(cmd.estimate(d));
        });
        String variance = designs.get(0).varianceMethod();
        Output.write(cmd.common, cmd.spec.commandLine().getOut(), report(r, labels, variance).render(cmd.common.format));
        return 0;
    }

    private static Object num(double x) {
        return Double.isFinite(x) ? JsonNumbers.of(x) : null;
    }

    static Report report(MultipleImputation.Result r, List<String> labels, String variance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imputations", r.getImputations());
        json.put("files", labels);
        json.put("variance", variance);
        List<Map<String, Object>> terms = new ArrayList<>();
        ResultTable csv = new ResultTable("term", "estimate", "se", "df", "lower", "upper", "level", "missing_information");
        ResultTable table = new ResultTable("term", "estimate", "SE", "df", "lower", "upper", "missing info");
        for (MultipleImputation.Term t : r.getTerms()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("term", t.getTerm());
            e.put("estimate", JsonNumbers.of(t.getEstimate()));
            e.put("se", JsonNumbers.of(t.getStandardError()));
            e.put("df", num(t.getDegreesOfFreedom()));
            e.put("lower", JsonNumbers.of(t.getLower()));
            e.put("upper", JsonNumbers.of(t.getUpper()));
            e.put("level", JsonNumbers.of(t.getLevel()));
            e.put("missing_information", JsonNumbers.of(t.getMissingInformation()));
            terms.add(e);
            csv.add(t.getTerm(), Format.plain(t.getEstimate()), Format.plain(t.getStandardError()),
                    Double.isFinite(t.getDegreesOfFreedom()) ? Format.plain(t.getDegreesOfFreedom()) : "Inf",
                    Format.plain(t.getLower()), Format.plain(t.getUpper()), Format.plain(t.getLevel()),
                    Format.plain(t.getMissingInformation()));
            table.add(t.getTerm(), Format.number(t.getEstimate()), Format.number(t.getStandardError()),
                    Format.number(t.getDegreesOfFreedom()), Format.number(t.getLower()), Format.number(t.getUpper()),
                    Format.percent(t.getMissingInformation()) + "%");
        }
        json.put("terms", terms);
        String text = Output.fmt("Multiple imputation: %d completed data sets (%s), %s variance, Rubin's rules with "
                + "Barnard-Rubin df%n%n", r.getImputations(), String.join(", ", labels), variance) + table.text();
        return new Report(text, json, csv);
    }
}
