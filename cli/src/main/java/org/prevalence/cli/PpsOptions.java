package org.prevalence.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.survey.Pps;
import org.prevalence.survey.PpsMethod;
import org.prevalence.survey.PpsVarianceForm;
import org.prevalence.survey.SurveyDesign;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The PPS-without-replacement options of {@code prevalence survey} (a picocli mixin), as R's
 * {@code svydesign(id=~1, fpc=~p, pps=...)}: {@code --pps brewer|overton|hr|ppsmat} with the inclusion
 * probabilities from {@code --probs P}, {@code --joint-probabilities FILE} (ppsmat: a headerless CSV, one row
 * and column per PSU in order of first appearance), {@code --hr-psum} (R {@code HR(psum)}) and
 * {@code --pps-variance ht|yg}. It only builds the library's {@link Pps} rule.
 */
final class PpsOptions {
    @Option(names = "--pps", converter = Methods.class, completionCandidates = Methods.class, paramLabel = "METHOD",
            description = "PPS without replacement (R svydesign(pps=)): brewer, overton, hr (Hartley-Rao), ppsmat (exact "
                    + "joint probabilities from --joint-probabilities); inclusion probabilities from --probs.")
    PpsMethod method;

    @Option(names = "--joint-probabilities", paramLabel = "FILE.csv",
            description = "Joint inclusion probabilities for --pps ppsmat: a CSV without header, one row and column per "
                    + "PSU in order of first appearance (R ppsmat(jointprob)).")
    Path joint;

    @Option(names = "--hr-psum", paramLabel = "X",
            description = "For --pps hr: the population sum of squared inclusion probabilities over n (R HR(psum)); "
                    + "default: estimated from the sample (R HR()).")
    Double psum;

    @Option(names = "--pps-variance", converter = Forms.class, completionCandidates = Forms.class, paramLabel = "FORM",
            description = "PPS variance form: ht (Horvitz-Thompson, default) or yg (Yates-Grundy; not for brewer).")
    PpsVarianceForm form;

    /** Adds the rule to the design builder, refusing options that would be ignored. */
    void apply(SurveyDesign.Builder b, ParseResult pr) {
        if (method == null) {
            for (String o : List.of("--joint-probabilities", "--hr-psum", "--pps-variance")) {
                if (pr.hasMatchedOption(o)) {
                    throw PrevalenceException.invalidArgument(o, "%s describes a PPS design; it needs --pps METHOD", o);
                }
            }
            return;
        }
        if ((method == PpsMethod.JOINT_PROBABILITIES) != (joint != null)) {
            throw PrevalenceException.invalidArgument("--joint-probabilities", "--pps ppsmat and --joint-probabilities "
                    + "FILE go together: give both or neither");
        }
        if (psum != null && method != PpsMethod.HARTLEY_RAO) {
            throw PrevalenceException.invalidArgument("--hr-psum", "--hr-psum applies to --pps hr only");
        }
        Pps rule = method == PpsMethod.JOINT_PROBABILITIES ? Pps.jointProbabilities(read(joint))
                : psum != null ? Pps.hartleyRao(psum) : Pps.of(method);
        if (form != null) {
            rule = rule.with(form);
        }
        b.pps(rule);
    }

    /** Reads a headerless numeric CSV matrix, naming the file, row and column of a cell that is not a number. */
    static double[][] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PrevalenceException.invalidArgument("--joint-probabilities", "cannot read %s: %s", file, e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                try {
                    r[j] = Double.parseDouble(f[j].trim());
                } catch (NumberFormatException e) {
                    throw PrevalenceException.invalidData(file.getFileName() + ", row " + (i + 1) + ", column " + (j + 1),
                            "%s, row %d, column %d: not a number; the joint probability file is a CSV of numbers without "
                                    + "header", file.getFileName(), i + 1, j + 1);
                }
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    static final class Methods extends EnumConverter<PpsMethod> {
        Methods() {
            super(PpsMethod.class);
        }

        @Override
        String name(PpsMethod e) {
            return switch (e) {
                case HARTLEY_RAO -> "hr";
                case JOINT_PROBABILITIES -> "ppsmat";
                default -> spelling(e);
            };
        }
    }

    static final class Forms extends EnumConverter<PpsVarianceForm> {
        Forms() {
            super(PpsVarianceForm.class);
        }

        @Override
        String name(PpsVarianceForm e) {
            return e == PpsVarianceForm.HORVITZ_THOMPSON ? "ht" : "yg";
        }
    }
}
