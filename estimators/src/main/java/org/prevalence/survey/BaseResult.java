package org.prevalence.survey;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.prevalence.core.Estimate;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;

/** The fields and getters shared by the survey estimators' results (package-private base). */
abstract class BaseResult implements SurveyEstimate {
    private final String statistic;
    private final String variable;
    private final Map<String, String> domain;
    private final double estimate;
    private final double se;
    private final Interval interval;
    private final double deff;
    private final double deffReplace;
    private final long n;
    private final int df;
    private final long dropped;

    BaseResult(String statistic, String variable, Map<String, String> domain, double estimate, double se,
               Interval interval, double deff, double deffReplace, long n, int df, long dropped) {
        this.statistic = statistic;
        this.variable = variable;
        this.domain = domain;
        this.estimate = estimate;
        this.se = se;
        this.interval = interval;
        this.deff = deff;
        this.deffReplace = deffReplace;
        this.n = n;
        this.df = df;
        this.dropped = dropped;
    }

    @Override
    public String getStatistic() {
        return statistic;
    }

    @Override
    public String getVariable() {
        return variable;
    }

    @Override
    public Map<String, String> getDomain() {
        return domain;
    }

    @Override
    public double getEstimate() {
        return estimate;
    }

    @Override
    public double getStandardError() {
        return se;
    }

    @Override
    public Interval getConfidenceInterval() {
        return interval;
    }

    @Override
    public double getDeff() {
        return deff;
    }

    @Override
    public double getDeffReplace() {
        return deffReplace;
    }

    @Override
    public long getN() {
        return n;
    }

    @Override
    public int getDegreesOfFreedom() {
        return df;
    }

    @Override
    public long getDropped() {
        return dropped;
    }

    @Override
    public Estimate toEstimate() {
        Map<String, Object> diag = new LinkedHashMap<>();
        if (!domain.isEmpty()) {
            diag.put("domain", domain);
        }
        diag.put("deff", deff);
        diag.put("deffReplace", deffReplace);
        diag.put("n", n);
        diag.put("df", df);
        if (dropped > 0) {
            diag.put("dropped", dropped);
        }
        return new Estimate(statistic + "(" + variable + ")", estimate, se, interval, diag);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(statistic).append('(').append(variable).append(')');
        if (!domain.isEmpty()) {
            sb.append(" in ");
            domain.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            sb.setLength(sb.length() - 1);
        }
        sb.append(String.format(Locale.ROOT, " = %s, SE %s, %s; ", Format.number(estimate), Format.number(se), interval));
        if (!Double.isNaN(deff)) {
            sb.append("deff ").append(Format.number(deff)).append(", ");
        }
        sb.append("n=").append(Format.count(n)).append(", df=").append(df);
        if (dropped > 0) {
            sb.append(", dropped ").append(Format.count(dropped)).append(" missing");
        }
        return sb.toString();
    }
}
