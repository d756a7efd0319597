package org.prevalence.survey.forcedlabour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.survey.Domain;
import org.prevalence.survey.SurveyDesign;
import org.prevalence.survey.SurveyTotal;

/**
 * Unit-level forced-labour survey estimation for the Global Estimates pipeline: persons in forced
 * labour by the {@link IclsRule}, reports on family members weighted by Sirken's multiplicity
 * estimator, each case counted in its country of exploitation, and the stock on an average day of
 * a reference window from the days of each situation inside it.
 *
 * <p>Each row is a person (the respondent, or a family member the respondent reports on) with the
 * respondent's survey weight \( w_r \), the person's network size \( m_i \) (the number of
 * eligible survey members who could report this person, 1 for the respondent), the country of
 * exploitation, and the start and end dates of the situation. The multiplicity weight
 * (Sirken 1970) and the stock in country \( c \) are
 * <p>\[ w_i = \frac{w_r}{m_i}, \qquad \hat S_c = \sum_{i:\ FL_i = 1,\ c_i = c} w_i \frac{d_i}{W}, \]
 * <p>where \( d_i \) is the number of days of the situation inside the window of \( W \) days.
 * Prevalence is \( \hat S_c / N_c \) for a population \( N_c \). The standard error treats each
 * respondent's total \( z_r = \sum_{i \in r} w_i d_i / W \) as a with-replacement draw
 * (\( \widehat{\mathrm{var}} = \frac{n}{n-1}\sum_r (z_r - \bar z)^2 \) over the \( n \) respondents
 * of the survey, the domain total's variance of {@link SurveyTotal} with respondents as the PSUs of one stratum);
 * for stratified or clustered designs, give the per-respondent totals to
 * {@code org.prevalence.survey} instead ({@link #respondentTotals}).
 *
 * <p>References: Sirken, M.G. (1970). Household surveys with multiplicity. JASA 65, 257-266.
 * doi:10.1080/01621459.1970.10481077. ILO, Walk Free and IOM (2022). Global Estimates of Modern
 * Slavery, methodology annex.
 *
 * <p>This class is immutable.
 */
public final class ForcedLabourStock {
    private static final String STOCK = "stock";
    private final IclsRule rule;
    private final LocalDate start;
    private final LocalDate end;

    private ForcedLabourStock(IclsRule rule, LocalDate start, LocalDate end) {
        this.rule = rule;
        this.start = start;
        this.end = end;
    }

    /**
     * @param rule the classification rule
     * @param windowStart first day of the reference window
     * @param windowEnd last day of the reference window (not before the start)
     * @return the estimator
     */
    public static ForcedLabourStock of(IclsRule rule, LocalDate windowStart, LocalDate windowEnd) {
        if (windowEnd.isBefore(windowStart)) {
            throw PrevalenceException.invalidArgument("window", "The window's end %s is before its start %s",
                    windowEnd, windowStart);
        }
        return new ForcedLabourStock(Objects.requireNonNull(rule), windowStart, windowEnd);
    }

    /**
     * Sirken's multiplicity weights \( w_r / m_i \).
     * @param respondentWeight \( w_r \) for each row
     * @param networkSize \( m_i \ge 1 \) for each row
     * @return the weights
     */
    public static double[] multiplicityWeights(double[] respondentWeight, double[] networkSize) {
        double[] w = new double[respondentWeight.length];
        for (int i = 0; i < w.length; i++) {
            if (!(networkSize[i] >= 1) || !(respondentWeight[i] >= 0)) {
                throw PrevalenceException.invalidData("row " + (i + 1),
                        "Row %d: the network size must be >= 1 and the weight >= 0, got %s and %s", i + 1,
                        networkSize[i], respondentWeight[i]);
            }
            // Sirken (1970): weight divided by the number of people who could report the case
            w[i] = respondentWeight[i] / networkSize[i];
        }
        return w;
    }

    /**
     * Per-respondent totals \( z_r \) of the stock variable (for design-based variance elsewhere).
     * @param rows the rows ({@link ReportRows#fromTable} reads them from a table)
     * @return respondent id to its total, in order of first appearance
     */
    public Map<String, Double> respondentTotals(ReportRows rows) {
        double[] z = contributions(rows);
        String[] resp = rows.respondent;
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < z.length; i++) {
            out.merge(resp[i], z[i], Double::sum);
        }
        return out;
    }

    private double[] contributions(ReportRows rows) {
        int[] fl = rule.classify(rows);
        double[] w = multiplicityWeights(rows.weight, rows.networkSize);
        long w0 = start.toEpochDay();
        long w1 = end.toEpochDay();
        double wd = w1 - w0 + 1;
        double[] z = new double[fl.length];
        long[] s = rows.startDay;
        long[] e = rows.endDay;
        for (int i = 0; i < fl.length; i++) {
            if (e[i] < s[i]) {
                throw PrevalenceException.invalidData(Columns.where(i, "end_date"),
                        "Row %d: the end date is before the start date", i + 1);
            }
            if (fl[i] == 1) {
                long d = Math.max(0, Math.min(e[i], w1) - Math.max(s[i], w0) + 1);
                z[i] = w[i] * d / wd;
            }
        }
        return z;
    }

    /**
     * Estimates the stock by country of exploitation.
     * @param rows the rows ({@link ReportRows#fromTable} reads them from a table)
     * @param population population by country (every country of exploitation needs one)
     * @return one row per country of exploitation
     */
    public List<Country> estimate(ReportRows rows, Map<String, Double> population) {
        double[] z = contributions(rows);
        String[] country = rows.country;
        SurveyDesign design = respondentDesign(rows.respondent, z);
        List<Country> out = new ArrayList<>();
        for (String c : new LinkedHashSet<>(Arrays.asList(country))) {
            boolean[] inCountry = new boolean[z.length];
            double total = 0;
            for (int i = 0; i < z.length; i++) {
                inCountry[i] = country[i].equals(c);
                total += inCountry[i] ? z[i] : 0;
            }
            double se = design == null ? Double.NaN
                    : SurveyTotal.withDefaults().estimate(design, STOCK, Domain.where(c, inCountry)).getStandardError();
            Double pop = population.get(c);
            if (pop == null || !(pop > 0)) {
                throw PrevalenceException.invalidData("country '" + c + "'",
                        "Country of exploitation '%s' has no population; add it", c);
            }
            out.add(new Country(c, total, se, pop));
        }
        return out;
    }

    /**
     * Respondents as with-replacement PSUs of one stratum, equal weights, no fpc: the survey
     * engine's variance of a domain total is then \( \frac{n}{n-1}\sum_r (z_r - \bar z)^2 \) over
     * all \( n \) respondents (zero outside the domain). With one respondent there is no variance
     * (null: the design would refuse a single PSU).
     */
    private static SurveyDesign respondentDesign(String[] resp, double[] z) {
        Map<String, Integer> respIndex = new LinkedHashMap<>();
        int[] respondent = new int[resp.length];
        for (int i = 0; i < resp.length; i++) {
            respondent[i] = respIndex.computeIfAbsent(resp[i], k -> respIndex.size());
        }
        if (respIndex.size() < 2) {
            return null;
        }
        return SurveyDesign.builder(z.length).equalProbability().clusters(respondent).variable(STOCK, z).build();
    }

    /** The estimate for one country of exploitation. This class is immutable. */
    public static final class Country {
        private final String country;
        private final double stock;
        private final double se;
        private final double population;

        Country(String country, double stock, double se, double population) {
            this.country = country;
            this.stock = stock;
            this.se = se;
            this.population = population;
        }

        /** @return the country of exploitation */
        public String getCountry() {
            return country;
        }

        /** @return persons in forced labour on an average day of the window */
        public double getStock() {
            return stock;
        }

        /** @return its with-replacement standard error over respondents */
        public double getStandardError() {
            return se;
        }

        /** @return the prevalence, stock / population (the survey pipeline's {@code prevalence}) */
        public double getPrevalence() {
            return stock / population;
        }

        /** @return the prevalence's standard error (the survey pipeline's {@code se}) */
        public double getPrevalenceStandardError() {
            return se / population;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: stock %s (SE %s), %s per 1,000", country, Format.number(stock),
                    Format.number(se), Format.number(1000 * getPrevalence()));
        }
    }
}
