package org.prevalence.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.network.nsum.NetworkScaleUp;
import org.prevalence.network.rds.Multiplier;
import org.prevalence.network.rds.RdsBootstrap;
import org.prevalence.network.rds.RdsEstimator;
import org.prevalence.network.rds.RdsSample;

/** Reports of the hidden-population commands ({@code rds}, {@code nsum}): table, CSV and JSON of one typed result. */
final class NetworkReport {
    private static final List<String> RDS_COLUMNS = List.of("estimator", "outcome", "level", "estimate", "se",
            "lower", "upper", "interval_level", "interval_method", "n", "seeds", "max_wave", "population_size",
            "replicates");

    private NetworkReport() {
    }

    private static String csvNumber(double x) {
        return Double.isNaN(x) ? "NA" : Format.plain(x);
    }

    static Report rds(RdsSample s, String variable, String level, RdsEstimator.Result point, RdsBootstrap.Result b,
                      Multiplier.Result m) {
        double se = b == null ? Double.NaN : b.getStandardError();
        Interval iv = b == null ? null : b.getConfidenceInterval();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("estimator", point.getMethod().label());
        json.put("outcome", variable);
        json.put("level", level);
        json.put("estimate", JsonNumbers.of(point.getEstimate()));
        json.put("se", b == null ? null : JsonNumbers.of(se));
        json.put("interval", intervalJson(iv));
        json.put("n", s.size());
        json.put("seeds", s.seeds());
        json.put("max_wave", s.maxWave());
        json.put("population_size", Double.isNaN(point.getPopulationSize()) ? null
                : JsonNumbers.of(point.getPopulationSize()));
        json.put("replicates", b == null ? null : b.getSucceeded());
        json.put("seed", b == null ? null : b.getSeed());
        json.put("bootstrap", b == null ? null : b.getProcedure());
        if (m != null) {
            Map<String, Object> mj = new LinkedHashMap<>();
            mj.put("count", JsonNumbers.of(m.getCount()));
            mj.put("estimate", JsonNumbers.of(m.getEstimate()));
            mj.put("se", Double.isNaN(m.getStandardError()) ? null : JsonNumbers.of(m.getStandardError()));
            Interval mi = m.getConfidenceInterval();
            mj.put("lower", mi == null ? null : JsonNumbers.of(mi.lower()));
            mj.put("upper", mi == null ? null : JsonNumbers.of(mi.upper()));
            json.put("multiplier", mj);
        }

        ResultTable csv = new ResultTable(RDS_COLUMNS);
        csv.add(point.getMethod().label(), variable, level == null ? "" : level, csvNumber(point.getEstimate()),
                csvNumber(se), iv == null ? "NA" : csvNumber(iv.lower()), iv == null ? "NA" : csvNumber(iv.upper()),
                iv == null ? "NA" : csvNumber(iv.level()), iv == null ? "" : iv.label(), Integer.toString(s.size()),
                Integer.toString(s.seeds()), Integer.toString(s.maxWave()), csvNumber(point.getPopulationSize()),
                b == null ? "" : Integer.toString(b.getSucceeded()));

        StringBuilder text = new StringBuilder();
        text.append(Output.fmt("Respondent-driven sample: %d respondents, %d seeds, %d waves%n", s.size(), s.seeds(),
                s.maxWave()));
        text.append(Output.fmt("%s estimate of %s%s: %s", point.getMethod().label(),
                level == null ? "the mean of " + variable : "the proportion " + variable + "=" + level,
                Double.isNaN(point.getPopulationSize()) ? ""
                        : " (N = " + Format.plain(point.getPopulationSize()) + ")",
                Format.number(point.getEstimate())));
        if (b != null) {
            text.append(Output.fmt(", SE %s, %s%n", Format.number(se), iv));
            text.append(Output.fmt("%s: %d of %d replicates, seed %d%n", b.getProcedure(), b.getSucceeded(),
                    b.getRequested(), b.getSeed()));
        } else {
            text.append(Output.fmt("%n"));
        }
        if (m != null) {
            text.append(Output.fmt("Multiplier: population size M / p = %s / %s = %s%s%s%n", Format.number(m.getCount()),
                    Format.number(m.getProportion()), Format.number(m.getEstimate()),
                    Double.isNaN(m.getStandardError()) ? "" : ", SE " + Format.number(m.getStandardError()),
                    m.getConfidenceInterval() == null ? "" : ", " + m.getConfidenceInterval()));
        }
        return new Report(text.toString(), json, csv);
    }

    private static final List<String> NSUM_COLUMNS = List.of("hidden", "estimate", "se", "lower", "upper",
            "interval_level", "interval_method", "killworth_se", "n", "mean_degree", "population_size");

    static Report nsum(NetworkScaleUp.Result r, NetworkScaleUp.InternalConsistency ic, int replicates, long seed) {
        Interval iv = r.getConfidenceInterval();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hidden", r.getHidden());
        json.put("estimate", JsonNumbers.of(r.getEstimate()));
        json.put("se", Double.isNaN(r.getStandardError()) ? null : JsonNumbers.of(r.getStandardError()));
        json.put("interval", intervalJson(iv));
        json.put("killworth_se", JsonNumbers.of(r.getKillworthStandardError()));
        json.put("n", r.getSampleSize());
        json.put("mean_degree", JsonNumbers.of(r.getMeanDegree()));
        json.put("degree_sum", JsonNumbers.of(r.getDegreeSum()));
        json.put("connections", JsonNumbers.of(r.getConnections()));
        json.put("population_size", JsonNumbers.of(r.getPopulationSize()));
        json.put("variance", iv == null ? null : replicates == 0 ? "linearization" : "rescaled bootstrap");
        json.put("replicates", replicates == 0 ? null : replicates);
        json.put("seed", replicates == 0 ? null : seed);
        StringBuilder text = new StringBuilder();
        text.append(Output.fmt("Network scale-up: %d respondents, weighted mean degree %s, N = %s%n",
                r.getSampleSize(), Format.number(r.getMeanDegree()), Format.plain(r.getPopulationSize())));
        text.append(Output.fmt("Size of %s: %s", r.getHidden(), Format.number(r.getEstimate())));
        if (iv != null && replicates > 0) {
            text.append(Output.fmt(", SE %s, %s (rescaled bootstrap, %d replicates, seed %d)", Format.number(
                    r.getStandardError()), iv, replicates, seed));
        } else if (iv != null) {
            text.append(Output.fmt(", SE %s, %s (linearization)", Format.number(r.getStandardError()), iv));
        }
        text.append(Output.fmt("; Killworth SE %s%n", Format.number(r.getKillworthStandardError())));
        if (ic != null) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            ResultTable t = new ResultTable("known population", "size", "hold-out estimate");
            double[] est = ic.getEstimates();
            double[] size = ic.getKnownSizes();
            for (int k = 0; k < est.length; k++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", ic.getNames().get(k));
                m.put("known_size", JsonNumbers.of(size[k]));
                m.put("estimate", JsonNumbers.of(est[k]));
                rows.add(m);
                t.add(ic.getNames().get(k), Format.number(size[k]), Format.number(est[k]));
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("populations", rows);
            c.put("mae", JsonNumbers.of(ic.getMeanAbsoluteError()));
            c.put("rmse", JsonNumbers.of(ic.getRootMeanSquaredError()));
            c.put("are", JsonNumbers.of(ic.getAverageRelativeError()));
            json.put("consistency", c);
            text.append(Output.fmt("%nInternal consistency (each known population held out): MAE %s, RMSE %s, "
                    + "ARE %s%n", Format.number(ic.getMeanAbsoluteError()), Format.number(ic.getRootMeanSquaredError()),
                    Format.number(ic.getAverageRelativeError())));
            text.append(t.text());
        }
        ResultTable csv = new ResultTable(NSUM_COLUMNS);
        csv.add(r.getHidden(), csvNumber(r.getEstimate()), csvNumber(r.getStandardError()),
                iv == null ? "NA" : csvNumber(iv.lower()), iv == null ? "NA" : csvNumber(iv.upper()),
                iv == null ? "NA" : csvNumber(iv.level()), iv == null ? "" : iv.label(),
                csvNumber(r.getKillworthStandardError()), Integer.toString(r.getSampleSize()),
                csvNumber(r.getMeanDegree()), csvNumber(r.getPopulationSize()));
        return new Report(text.toString(), json, csv);
    }

    /** @return JSON {@code interval{lower, upper, level, method}}, or {@code null} when there is none */
    private static Map<String, Object> intervalJson(Interval iv) {
        if (iv == null) {
            return null;
        }
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("lower", JsonNumbers.of(iv.lower()));
        i.put("upper", JsonNumbers.of(iv.upper()));
        i.put("level", JsonNumbers.of(iv.level()));
        i.put("method", iv.label());
        return i;
    }
}
