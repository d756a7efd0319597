package org.prevalence.mse.covariate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.prevalence.core.Interval;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;
import org.prevalence.core.bootstrap.ParallelLoop;
import org.prevalence.mse.PoissonRegression;
import org.prevalence.mse.PopulationEstimate;

/**
 * Multiple systems estimation with covariates, years and structural zeros by Poisson log-linear models,
 * with the stepwise model search of Cruyff's R package {@code mse} ({@code model_search}).
 *
 * <p>Every model holds the intercept and the main effects of every list and covariate, plus first-order
 * interactions (list x list, list x covariate, covariate x covariate) between a minimal and a maximal set.
 * The search follows {@code model_search}: R's {@code step} in both directions from the minimal model with
 * penalty \( k = \log n \) (BIC), then from that model forward by AIC (\( k = 2 \)), then forward with
 * \( k = 1 \); each step takes the candidate (drop one interaction not in the lower model, or add one of
 * the upper model that brings at least one estimable parameter) with the smallest \( -2\ell + k p \), and
 * stops when none is smaller than the current model's. Every model met on the way forms the path; the
 * selected model is the path's minimum BIC (as {@code boot_mse}'s default).
 *
 * <p>The likelihood runs over the cells with an observed history that are not structural zeros (mse's
 * {@code obs}, restricted further by the declared absences); \( \hat N \) sums the fitted values over every
 * cell that is not a structural zero.
 *
 * <p>References: Cruyff, M. (2021). mse: Multiple Systems Estimation, R package 1.0,
 * https://github.com/MaartenCruyff/mse; van der Heijden, P.G.M., Cruyff, M. et al. (2012). People born in
 * the Middle East but residing in the Netherlands: invariant population size estimates and the role of
 * active and passive covariates. Ann. Appl. Stat. 6, 831-852. doi:10.1214/12-AOAS536
 */
public final class CovariateMse {
    private static final CovariateMse DEFAULT = new CovariateMse(0, "main", "pairs", 0);
    private final int yearDegree;
    private final String min;
    private final String max;
    private final int threads;

    private CovariateMse(int yearDegree, String min, String max, int threads) {
        this.yearDegree = yearDegree;
        this.min = min;
        this.max = max;
        this.threads = threads;
    }

    /**
     * Defaults: year (if any) as a factor, minimal model {@code main}, maximal model {@code pairs}, all cores.
     * @return the default estimator
     */
    public static CovariateMse withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v 0 for the year as a factor, else the degree of its orthogonal polynomial (R {@code poly})
     * @return a copy using it
     */
    public CovariateMse withYearDegree(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("year degree", "The year degree must be >= 0, got %d", v);
        }
        return new CovariateMse(v, min, max, threads);
    }

    /**
     * @param v {@code main}, {@code pairs}, or interactions separated by commas ({@code R1:R2,R3:X1})
     * @return a copy with this minimal model
     */
    public CovariateMse withMinModel(String v) {
        return new CovariateMse(yearDegree, Objects.requireNonNull(v), max, threads);
    }

    /**
     * @param v {@code main}, {@code pairs}, or interactions separated by commas
     * @return a copy with this maximal model
     */
    public CovariateMse withMaxModel(String v) {
        return new CovariateMse(yearDegree, min, Objects.requireNonNull(v), threads);
    }

    /**
     * @param v threads for the candidate fits, 0 = all cores; the result does not depend on it
     * @return a copy using it
     */
    public CovariateMse withThreads(int v) {
        if (v < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0, got %d", v);
        }
        return new CovariateMse(yearDegree, min, max, v);
    }

    /**
     * Fits one model.
     * @param table the data
     * @param interactions {@code main}, {@code pairs} or interactions separated by commas
     * @return the fit
     */
    public CovariateFit fit(CovariateTable table, String interactions) {
        ModelDesign design = new ModelDesign(table, yearDegree);
        // a model without an MLE is fitted (as R's glm, and boot_mse on such a BIC model) with a warning naming
        // the term; search() with the minimal model equal to the maximal refuses it
        return new Fitter(design).fit(model(parse(table, interactions, "model")));
    }

    /** A requested model whose MLE does not exist is an error naming the term (closed form, then the LP). */
    private static void requireExistence(ModelDesign design, List<Term> terms) {
        double[] y = new double[design.fitRows().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = design.table().count(design.fitRows()[i]);
        }
        String empty = Fitter.nonExistence(design, terms, y);
        if (empty != null) {
            List<String> names = new ArrayList<>();
            for (Term t : terms) {
                names.add(t.name(design.table().variables()));
            }
            throw PrevalenceException.notEstimable("model", "The maximum likelihood estimate of model %s does not "
                    + "exist: %s. Leave that term out", String.join(" + ", names), empty);
        }
    }

    /**
     * Runs the stepwise search between the minimal and maximal models.
     * @param table the data
     * @return the path and the model of least BIC
     */
    public Result search(CovariateTable table) {
        ModelDesign design = new ModelDesign(table, yearDegree);
        TreeSet<Term> lower = parse(table, min, "minimal model");
        TreeSet<Term> upper = parse(table, max, "maximal model");
        if (!upper.containsAll(lower)) {
            TreeSet<Term> extra = new TreeSet<>(lower);
            extra.removeAll(upper);
            throw PrevalenceException.invalidArgument("minimal model", "The minimal model has term %s, which is "
                    + "not in the maximal model", extra.first().name(table.variables()));
        }
        if (lower.equals(upper)) {
            requireExistence(design, model(lower));
        }
        Workers main = new Workers(design);
        List<String> steps = new ArrayList<>();
        List<TreeSet<Term>> models = new ArrayList<>();
        steps.add("");
        models.add(new TreeSet<>(lower));
        double n = table.observed();
        double[] start = new double[design.fitRows().length];
        for (int i = 0; i < start.length; i++) {
            start[i] = design.table().count(design.fitRows()[i]) + 0.1; // glm's poisson()$initialize
        }
        Score first = main.score(model(lower), start, false, true);
        Object[] end = step(design, main, lower, first, lower, upper, Math.log(n), steps, models);
        @SuppressWarnings("unchecked")
        TreeSet<Term> bic = (TreeSet<Term>) end[0];
        end = step(design, main, bic, (Score) end[1], bic, upper, 2, steps, models);
        @SuppressWarnings("unchecked")
        TreeSet<Term> aic = (TreeSet<Term>) end[0];
        step(design, main, aic, (Score) end[1], aic, upper, 1, steps, models);
        // every model of the path refitted by glm.fit's own IRLS from glm's start, as R reports them
        CovariateFit[] fits = new CovariateFit[models.size()];
        ParallelLoop.run(models.size(), threads, () -> new Fitter(design),
                (i, f) -> fits[i] = f.fit(model(models.get(i))), null);
        List<PathStep> path = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < models.size(); i++) {
            CovariateFit f = fits[i];
            PathStep s = new PathStep(steps.get(i), f);
            path.add(s);
            if (f.getStatus() != Status.NOT_ESTIMATED
                    && (best < 0 || f.getBic() < path.get(best).fit().getBic())) {
                best = i;
            }
        }
        if (best < 0) {
            throw PrevalenceException.notEstimable("model search", "No model on the search path could be fitted");
        }
        return new Result(path, best);
    }

    /**
     * List sensitivity, as {@code modslavmse::omitlists} and {@code mergelists}: the same search with each list
     * omitted in turn (with three lists or more) and with each pair of lists merged.
     * @param table the data
     * @return one row per change, labelled {@code "omit R1"} or {@code "merge R1_R2"}
     */
    public List<Sensitivity> sensitivity(CovariateTable table) {
        List<Sensitivity> out = new ArrayList<>();
        List<String> lists = table.lists();
        if (lists.size() >= 3) {
            for (String l : lists) {
                out.add(new Sensitivity("omit " + l, search(table.omitList(l))));
            }
        }
        for (int a = 0; a < lists.size(); a++) {
            for (int b = a + 1; b < lists.size(); b++) {
                out.add(new Sensitivity("merge " + lists.get(a) + "_" + lists.get(b),
                        search(table.mergeLists(lists.get(a), lists.get(b)))));
            }
        }
        return out;
    }

    /**
     * One row of {@link #sensitivity}.
     * @param change what was done to the lists
     * @param result the search on the changed table
     */
    public record Sensitivity(String change, Result result) {
    }

    /** A model's log-likelihood and rank (rank -1: not fitted); mu its fitted values if kept. */
    private record Score(double logLik, int rank, boolean exact, double[] mu) {
        double penalised(double k) {
            return rank < 0 ? Double.POSITIVE_INFINITY : -2 * logLik + k * rank;
        }
    }

    /** One thread's fitters: the fast normal-equations fit, and glm.fit's IRLS where the fast one defers. */
    private static final class Workers {
        final Fitter exact;
        final NormalFitter fast;

        Workers(ModelDesign design) {
            exact = new Fitter(design);
            fast = new NormalFitter(design);
        }

        Score score(List<Term> terms, double[] start, boolean forceExact, boolean keepMu) {
            if (!forceExact && fast.fit(terms, start)) {
                return new Score(fast.logLikelihood(), fast.rank(), false, keepMu ? fast.fitted().clone() : null);
            }
            PoissonRegression.Fit f = exact.glmFit(terms);
            if (f == null) {
                return new Score(Double.NaN, -1, true, null);
            }
            return new Score(f.getLogLikelihood(), f.getRank(), true, keepMu ? f.getFitted() : null);
        }
    }

    /**
     * Two fits of one model agree to this on \( -2\ell + kp \): candidates within it of the best are refitted
     * by glm.fit's IRLS before the choice, so that near ties are decided as R decides them.
     */
    private static double margin(double score) {
        return 1e-3 + 1e-6 * Math.abs(score);
    }

    /**
     * R's step(): returns {the final model, its score}; appends each accepted model and its label. Candidates
     * are scored in parallel by the fast fit warm-started from the current model's fitted values; the choice
     * depends only on the candidates' order, never on the threads.
     */
    private Object[] step(ModelDesign design, Workers main, TreeSet<Term> start, Score startScore,
            TreeSet<Term> lower, TreeSet<Term> upper, double k, List<String> steps, List<TreeSet<Term>> models) {
        TreeSet<Term> current = new TreeSet<>(start);
        Score cur = startScore;
        List<String> vars = design.table().variables();
        while (true) {
            if (cur.rank() < 0) {
                return new Object[] {current, cur};
            }
            List<Term> drops = new ArrayList<>();
            for (Term t : current) {
                if (!lower.contains(t)) {
                    drops.add(t);
                }
            }
            List<Term> adds = new ArrayList<>();
            for (Term t : upper) {
                if (!current.contains(t)) {
                    adds.add(t);
                }
            }
            int nc = drops.size() + adds.size();
            if (nc == 0) {
                return new Object[] {current, cur};
            }
            List<TreeSet<Term>> cand = new ArrayList<>();
            for (int i = 0; i < nc; i++) {
                TreeSet<Term> m = new TreeSet<>(current);
                if (i < drops.size()) {
                    m.remove(drops.get(i));
                } else {
                    m.add(adds.get(i - drops.size()));
                }
                cand.add(m);
            }
            Score[] sc = new Score[nc];
            double[] mu = cur.mu();
            ParallelLoop.run(nc, threads, () -> new Workers(design),
                    (i, w) -> sc[i] = w.score(model(cand.get(i)), mu, false, false), null);
            int curRank = cur.rank();
            double best = cur.penalised(k);
            for (int i = 0; i < nc; i++) {
                if (sc[i].rank() >= 0 && sc[i].rank() != curRank) {
                    best = Math.min(best, sc[i].penalised(k));
                }
            }
            double threshold = best + margin(best);
            List<Integer> redo = new ArrayList<>();
            int contenders = cur.penalised(k) <= threshold ? 1 : 0;
            for (int i = 0; i < nc; i++) {
                if (sc[i].rank() >= 0 && sc[i].rank() != curRank && sc[i].penalised(k) <= threshold) {
                    contenders++;
                    if (!sc[i].exact()) {
                        redo.add(i);
                    }
                }
            }
            if (contenders < 2) {
                redo.clear(); // one clear winner (or none): the fast scores decide as exact ones would
            }
            if (!redo.isEmpty()) {
                if (!cur.exact() && cur.penalised(k) <= threshold) {
                    Score e = main.score(model(current), mu, true, false);
                    cur = new Score(e.logLik(), e.rank(), true, mu);
                    curRank = cur.rank();
                }
                ParallelLoop.run(redo.size(), threads, () -> new Workers(design), (j, w) -> {
                    int i = redo.get(j);
                    sc[i] = w.score(model(cand.get(i)), mu, true, false);
                }, null);
            }
            double curAic = cur.penalised(k);
            int choice = -1;
            // a drop that loses no parameter (an aliased term) is taken at once, the last such, as step() does
            for (int i = drops.size() - 1; i >= 0; i--) {
                if (sc[i].rank() == curRank) {
                    choice = i;
                    break;
                }
            }
            if (choice < 0) {
                double bestScore = curAic;
                for (int i = 0; i < nc; i++) {
                    if (sc[i].rank() >= 0 && sc[i].rank() != curRank && sc[i].penalised(k) < bestScore) {
                        bestScore = sc[i].penalised(k);
                        choice = i;
                    }
                }
            }
            if (choice < 0) {
                return new Object[] {current, cur};
            }
            Term t = choice < drops.size() ? drops.get(choice) : adds.get(choice - drops.size());
            steps.add((choice < drops.size() ? "- " : "+ ") + t.name(vars));
            current = cand.get(choice);
            cur = main.score(model(current), mu, sc[choice].exact(), true);
            models.add(new TreeSet<>(current));
        }
    }

    private static List<Term> model(TreeSet<Term> pairs) {
        return new ArrayList<>(pairs);
    }

    /** Parses a model bound into its set of terms, main effects always included. */
    static TreeSet<Term> parse(CovariateTable table, String spec, String what) {
        List<String> vars = table.variables();
        TreeSet<Term> out = new TreeSet<>();
        for (int v = 0; v < vars.size(); v++) {
            out.add(Term.main(v));
        }
        String s = spec.trim();
        if (s.equals("main")) {
            return out;
        }
        if (s.equals("pairs")) {
            for (int a = 0; a < vars.size(); a++) {
                for (int b = a + 1; b < vars.size(); b++) {
                    out.add(Term.pair(a, b));
                }
            }
            return out;
        }
        for (String part : s.split("[,+ ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ab = part.split(":");
            int a = vars.indexOf(ab[0]);
            int b = ab.length == 2 ? vars.indexOf(ab[1]) : -2;
            if (ab.length > 2 || a < 0 || b == -1 || a == b) {
                throw PrevalenceException.invalidArgument(what, "Term '%s' of the %s is not a main effect or an "
                        + "interaction of two of the variables %s", part, what, String.join(", ", vars));
            }
            if (b >= 0) {
                out.add(Term.pair(a, b));
            }
        }
        return out;
    }

    /**
     * One model of the search path.
     * @param step R's label of the step that reached it ({@code "+ R1:R2"}, {@code "- R1:Y"}), empty for the first
     * @param fit the model's fit
     */
    public record PathStep(String step, CovariateFit fit) {
    }

    /**
     * The search path and the selected (least BIC) model, whose figures this result reports. This class is
     * immutable.
     */
    public static final class Result implements PopulationEstimate {
        private final List<PathStep> path;
        private final int selected;

        Result(List<PathStep> path, int selected) {
            this.path = Collections.unmodifiableList(new ArrayList<>(path));
            this.selected = selected;
        }

        /** @return every model met by the search, in order */
        public List<PathStep> getPath() {
            return path;
        }

        /** @return the index in the path of the selected model */
        public int getSelectedIndex() {
            return selected;
        }

        /** @return the selected model's fit */
        public CovariateFit getSelected() {
            return path.get(selected).fit();
        }

        @Override
        public String getMethod() {
            return "covariate stepwise (BIC)";
        }

        @Override
        public List<String> getLists() {
            return getSelected().getLists();
        }

        @Override
        public long getObserved() {
            return getSelected().getObserved();
        }

        @Override
        public double getEstimate() {
            return getSelected().getEstimate();
        }

        @Override
        public double getStandardError() {
            return Double.NaN;
        }

        @Override
        public Interval getConfidenceInterval() {
            return null;
        }

        @Override
        public String getModelName() {
            return getSelected().getModelName();
        }

        @Override
        public Status getStatus() {
            return getSelected().getStatus();
        }

        @Override
        public List<Warning> getWarnings() {
            return getSelected().getWarnings();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "CovariateMse.Result: N = %.2f (observed %d), model %d of %d selected by BIC%n", getEstimate(),
                    getObserved(), selected + 1, path.size()));
            sb.append(String.format(Locale.ROOT, "%4s %-10s %6s %12s %12s %12s %12s %14s%n", "", "step", "df",
                    "deviance", "AIC", "AICc", "BIC", "N"));
            for (int i = 0; i < path.size(); i++) {
                CovariateFit f = path.get(i).fit();
                sb.append(String.format(Locale.ROOT, "%4d %-10s %6d %12.3f %12.3f %12.3f %12.3f %14.2f%s%n", i + 1,
                        path.get(i).step(), f.getResidualDf(), f.getDeviance(), f.getAic(), f.getAicc(), f.getBic(),
                        f.getEstimate(), f.getStatus() == Status.OK ? "" : " " + f.getStatus().label()));
            }
            return sb.toString();
        }
    }
}
