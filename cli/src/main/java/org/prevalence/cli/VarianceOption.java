package org.prevalence.cli;

import java.util.Locale;
import org.prevalence.core.survey.ReplicateMethod;
import picocli.CommandLine;

/**
 * The value of {@code survey --variance}: linearization, or one of the library's replicate methods that
 * can make replicate weights from a design ({@code jk1}, {@code jkn}, {@code brr}, {@code fay} or
 * {@code fay:RHO}, {@code bootstrap}, {@code subbootstrap}), as R's {@code as.svrepdesign(type=...)}.
 *
 * @param replicate the replicate method, or {@code null} for linearization
 * @param fayRho Fay's rho for {@link ReplicateMethod#FAY} (0.5 when {@code fay} names none), else NaN
 */
record VarianceOption(ReplicateMethod replicate, double fayRho) {
    /** Taylor linearization, the default. */
    static final VarianceOption LINEARIZATION = new VarianceOption(null, Double.NaN);

    /** @return whether the design's own linearization variance is used (no replicate weights are made) */
    boolean isLinearization() {
        return replicate == null;
    }

    /** @return whether the replicates are random draws (bootstrap, sub-bootstrap), so that a seed applies */
    boolean isResampled() {
        return replicate == ReplicateMethod.BOOTSTRAP || replicate == ReplicateMethod.SUBBOOTSTRAP;
    }

    /** Picocli's converter: {@code linearization}, a replicate method's spelling, or {@code fay:RHO}. */
    static final class Converter implements CommandLine.ITypeConverter<VarianceOption> {
        @Override
        public VarianceOption convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("linearization")) {
                return LINEARIZATION;
            }
            if (v.startsWith("fay:")) {
                try {
                    return new VarianceOption(ReplicateMethod.FAY, Double.parseDouble(v.substring(4)));
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException("fay:RHO: '" + value.strip().substring(4)
                            + "' is not a number");
                }
            }
            try {
                ReplicateMethod m = new SurveyCommand.ReplicateMethods().convert(v);
                return new VarianceOption(m, m == ReplicateMethod.FAY ? 0.5 : Double.NaN);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("expected linearization, "
                        + String.join(", ", new SurveyCommand.ReplicateMethods()) + " or fay:RHO but was '" + value + "'");
            }
        }
    }
}
