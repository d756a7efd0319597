package org.prevalence.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.prevalence.core.Format;
import org.prevalence.regional.RegionalEstimate;
import org.prevalence.regional.ReportedCasePipeline;
import org.prevalence.regional.SurveyPipeline;

/**
 * The documents of {@code prevalence regional}: one row a region and the world (estimate, rate per 1,000,
 * 68% and 95% intervals, status) with the pipeline's own detail (the strata of the reported-case pipeline,
 * the countries of the survey pipeline), written from the typed results.
 */
final class RegionalReport {
    private static final List<String> CSV = List.of("region", "estimate", "per_1000", "se", "lower68", "upper68",
            "lower95", "upper95", "population", "status", "reason", "leaves_out");
    private static final List<String> HEADERS = List.of("region", "estimate", "per 1,000", "SE", "68% interval",
            "95% interval", "status");

    private RegionalReport() {
    }

    /** The reported-case pipeline's regions, world and strata. */
    static Report cases(ReportedCasePipeline.Result r, String caseFile, String edition) {
        List<Map<String, Object>> strata = new ArrayList<>();
        for (ReportedCasePipeline.StratumResult s : r.getStrata()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", s.getRegion());
            m.put("form", s.getForm());
            m.put("handling", s.getHandling());
            m.put("observed_cases", s.getObservedCases());
            m.put("overlap", s.getOverlap());
            m.put("estimated_cases", JsonNumbers.of(s.getEstimatedCases()));
            m.put("victims", s.getVictims().isEstimated() ? JsonNumbers.of(s.getVictims().getEstimate()) : null);
            m.put("stock", s.getStock().isEstimated() ? row(s.getStock()) : null);
            m.put("status", s.getStatus().label());
            m.put("reason", s.getReason());
            strata.add(m);
        }
        String heading = Output.fmt("Reported-case pipeline (%s): %s, window %s, regions %s, %s bootstrap of %s "
                + "(seed %d, %s failed)%n", r.getEstimator(), caseFile, r.getWindow(), edition,
                r.getScheme().name().toLowerCase(Locale.ROOT), Format.count(r.getReplicates(), "replicate", "replicates"),
                r.getSeed(), Format.count(r.getFailedReplicates()));
        return of(r.getRegions(), r.getWorld(), "strata", strata, heading);
    }

    /** The survey pipeline's regions, world and countries. */
    static Report surveys(SurveyPipeline.Result r, String nationalFile, String edition) {
        List<Map<String, Object>> countries = new ArrayList<>();
        long imputed = 0;
        for (SurveyPipeline.CountryResult c : r.getCountries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("country", c.getCountry());
            m.put("region", c.getRegion());
            m.put("prevalence", JsonNumbers.of(c.getPrevalence()));
            m.put("se", JsonNumbers.of(c.getStandardError()));
            m.put("imputed", c.isImputed());
            countries.add(m);
            imputed += c.isImputed() ? 1 : 0;
        }
        String heading = Output.fmt("Survey pipeline: %s, regions %s, %s (%s imputed), Monte Carlo of %s (seed %d)%n",
                nationalFile, edition, Format.count(r.getCountries().size(), "country", "countries"),
                Format.count(imputed), Format.count(r.getDraws(), "draw", "draws"), r.getSeed());
        return of(r.getRegions(), r.getWorld(), "countries", countries, heading);
    }

    /** One region's JSON object. */
    static Map<String, Object> row(RegionalEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean ok = e.isEstimated();
        m.put("region", e.getName());
        m.put("estimate", ok ? JsonNumbers.of(e.getEstimate()) : null);
        m.put("per_1000", ok ? JsonNumbers.of(e.getPer1000()) : null);
        m.put("se", ok ? JsonNumbers.of(e.getStandardError()) : null);
        m.put("lower68", ok ? JsonNumbers.of(e.getLower68()) : null);
        m.put("upper68", ok ? JsonNumbers.of(e.getUpper68()) : null);
        m.put("lower95", ok ? JsonNumbers.of(e.getLower95()) : null);
        m.put("upper95", ok ? JsonNumbers.of(e.getUpper95()) : null);
        m.put("delta_se", ok ? JsonNumbers.of(e.getDeltaStandardError()) : null);
        m.put("population", JsonNumbers.of(e.getPopulation()));
        m.put("status", e.getStatus().label());
        m.put("reason", e.getReason());
        m.put("leaves_out", e.getLeavesOut());
        return m;
    }

    /**
     * The decimals of the per-1,000 column, the same in every row: 2, or enough to show the smallest
     * positive rate with two significant digits (so that a small rate never reads as 0.00).
     */
    static int rateDecimals(List<RegionalEstimate> rows) {
        int d = 2;
        for (RegionalEstimate e : rows) {
            double v = e.isEstimated() ? e.getPer1000() : Double.NaN;
            if (v > 0 && v < 0.01) {
                d = Math.max(d, (int) Math.ceil(-Math.log10(v)) + 1);
            }
        }
        return Math.min(d, 12);
    }

    /** One region's table cells. */
    static List<String> cells(RegionalEstimate e, String name, int rateDecimals) {
        if (!e.isEstimated()) {
            return List.of(name, "-", "-", "-", "not estimated", "not estimated", "not-estimated: " + e.getReason());
        }
        return List.of(name, Format.count(Math.round(e.getEstimate())),
                Double.isFinite(e.getPer1000()) ? Output.fmt("%." + rateDecimals + "f", e.getPer1000()) : "-",
                Format.count(Math.round(e.getStandardError())),
                Format.count(Math.round(e.getLower68())) + " to " + Format.count(Math.round(e.getUpper68())),
                Format.count(Math.round(e.getLower95())) + " to " + Format.count(Math.round(e.getUpper95())),
                e.getStatus().label() + (e.getLeavesOut().isEmpty() ? "" : ": leaves out "
                        + Format.count(e.getLeavesOut().size(), "part", "parts") + " (below)"));
    }

    /** A CSV number: plain digits (never E-notation), NA when not estimated. */
    static String csvNumber(double x) {
        return Double.isNaN(x) ? "NA" : Format.plain(x);
    }

    /** The regions and the world (the world last) in every format, with the pipeline's detail under {@code extraKey}. */
    static Report of(List<RegionalEstimate> regions, RegionalEstimate world, String extraKey,
                     List<Map<String, Object>> extra, String heading) {
        List<Map<String, Object>> rj = new ArrayList<>();
        ResultTable rows = new ResultTable(HEADERS);
        ResultTable csv = new ResultTable(CSV);
        StringBuilder notes = new StringBuilder();
        List<RegionalEstimate> all = new ArrayList<>(regions);
        all.add(world);
        int rateDecimals = rateDecimals(all);
        for (int i = 0; i < all.size(); i++) {
            RegionalEstimate e = all.get(i);
            boolean isWorld = i == all.size() - 1;
            String name = isWorld ? "World" : e.getName();
            if (!isWorld) {
                rj.add(row(e));
            }
            rows.add(cells(e, name, rateDecimals));
            if (!e.getLeavesOut().isEmpty()) {
                notes.append(name).append(" leaves out: ").append(String.join("; ", e.getLeavesOut()))
                        .append(System.lineSeparator());
            }
            csv.add(name, csvNumber(e.getEstimate()), csvNumber(e.getPer1000()), csvNumber(e.getStandardError()),
                    csvNumber(e.getLower68()), csvNumber(e.getUpper68()), csvNumber(e.getLower95()),
                    csvNumber(e.getUpper95()), csvNumber(e.getPopulation()), e.getStatus().label(),
                    e.getReason() == null ? "" : e.getReason(), String.join("; ", e.getLeavesOut()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regions", rj);
        json.put("world", row(world));
        json.put(extraKey, extra);
        return new Report(heading + rows.text() + notes, json, csv);
    }

    /** @return the chart of {@code --plot}: each estimated region and the world with its 68% and 95% intervals */
    static Chart<?, ?> chart(List<RegionalEstimate> regions, RegionalEstimate world) {
        List<RegionalEstimate> all = new ArrayList<>(regions);
        all.add(world);
        List<RegionalEstimate> shown = all.stream().filter(RegionalEstimate::isEstimated).toList();
        List<String> labels = new ArrayList<>();
        double[][] v = new double[5][shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            RegionalEstimate e = shown.get(i);
            labels.add(e == world ? "World" : e.getName());
            v[0][i] = e.getEstimate();
            v[1][i] = e.getLower95();
            v[2][i] = e.getUpper95();
            v[3][i] = e.getLower68();
            v[4][i] = e.getUpper68();
        }
        return Plots.intervals("People in forced labour by region", "people on an average day", labels,
                v[0], v[1], v[2], v[3], v[4], null, null);
    }
}
