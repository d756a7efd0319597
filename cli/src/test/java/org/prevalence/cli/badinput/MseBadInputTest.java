package org.prevalence.cli.badinput;

import static org.prevalence.cli.badinput.BadInput.on;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code prevalence mse}: options out of range or doing nothing in the chosen mode, unknown model
 * terms and lists, tables that cannot give an estimate (lists that never overlap, a list with no cases, one
 * list). Every case: exit 2, one line naming the option, term or list, nothing written.
 */
class MseBadInputTest {
    private static final String UK = "uk2013_5lists";
    /** Three lists, no case on two of them. */
    private static final String NO_OVERLAP = "A,B,C,count\n1,0,0,10\n0,1,0,5\n0,0,1,7\n";
    /** List C has no case. */
    private static final String EMPTY_C = "A,B,C,count\n1,0,0,10\n0,1,0,5\n1,1,0,3\n0,0,1,0\n";
    /** Two lists, no case on both. */
    private static final String TWO_NO_OVERLAP = "A,B,count\n1,0,60\n0,1,40\n";
    /** Two lists, B inside A: the main-effects model cannot be fitted. */
    private static final String NESTED = "A,B,count\n1,1,5\n1,0,5\n";
    /** Case rows (one per case) with a name column that must never be echoed. */
    private static final String CASES = "name,LA,NG\nJane Roe,1,0\nJohn Doe,0,1\nMary Major,1,0\n";

    @TempDir
    Path dir;

    static Stream<BadInput.Case> cases() {
        return Stream.of(
            // ---------------------------------------------------------------- options out of range
            on("--max-order 0").args("mse", "--dataset", UK, "--select", "bic", "--max-order", "0")
                    .expect("--max-order", "at least 1"),
            on("--max-order negative").args("mse", "--dataset", UK, "--select", "aic", "--max-order", "-2")
                    .expect("--max-order"),
            on("--max-order above lists - 1").args("mse", "--dataset", UK, "--select", "bic", "--max-order", "5")
                    .expect("--max-order 5", "5 lists", "highest interaction order is 4"),
            on("--ntop 0").args("mse", "--dataset", UK, "--interval", "bootstrap", "--ntop", "0")
                    .expect("--ntop", "at least 1"),
            on("--ntop negative").args("mse", "--dataset", UK, "--interval", "bootstrap", "--ntop", "-5")
                    .expect("--ntop"),
            on("--threads -1").args("mse", "--dataset", UK, "--threads", "-1").expect("--threads"),
            on("--threads -8 bootstrap").args("mse", "--dataset", UK, "--interval", "bootstrap", "--threads", "-8")
                    .expect("--threads"),
            on("--level 1.5").args("mse", "--dataset", UK, "--level", "1.5").expect("--level", "1.5"),
            on("--level 0").args("mse", "--dataset", UK, "--level", "0").expect("--level"),
            on("--level 1").args("mse", "--dataset", UK, "--method", "chao-bound", "--level", "1").expect("--level"),
            on("--level negative").args("mse", "--dataset", UK, "--compare", "--level", "-0.5").expect("--level"),
            on("--replicates 0").args("mse", "--dataset", UK, "--interval", "bootstrap", "--replicates", "0")
                    .expect("--replicates", "at least 1"),
            on("--replicates negative").args("mse", "--dataset", UK, "--interval", "bootstrap", "--replicates", "-10")
                    .expect("--replicates"),
            on("--pthresh above 1").args("mse", "--dataset", UK, "--select", "stepwise", "--pthresh", "1.5")
                    .expect("--pthresh"),
            on("--pthresh negative").args("mse", "--dataset", UK, "--pthresh", "-0.1").expect("--pthresh"),
            on("--max-estimate 0").args("mse", "--dataset", UK, "--max-estimate", "0").expect("--max-estimate"),
            on("--max-estimate negative").args("mse", "--dataset", UK, "--max-estimate", "-100")
                    .expect("--max-estimate", "positive"),
            on("--interval unknown").args("mse", "--dataset", UK, "--interval", "wald").expect("--interval", "wald"),
            on("--select unknown").args("mse", "--dataset", UK, "--select", "lasso").expect("--select", "lasso"),
            // ---------------------------------------------------------------- options that would do nothing
            on("--model with --select").args("mse", "--dataset", UK, "--model", "main", "--select", "bic")
                    .expect("--model", "--select"),
            on("--max-order with --model").args("mse", "--dataset", UK, "--model", "main", "--max-order", "2")
                    .expect("--max-order", "--model"),
            on("--max-order with stepwise").args("mse", "--dataset", UK, "--select", "stepwise", "--max-order", "2")
                    .expect("--max-order", "stepwise"),
            on("--max-order with --method").args("mse", "--dataset", UK, "--method", "mt", "--max-order", "2")
                    .expect("--max-order", "--method"),
            on("--max-order on 6 lists (stepwise default)").args("mse", "--dataset", "uk2013_6lists", "--max-order", "2")
                    .expect("--max-order", "6 lists", "stepwise"),
            on("--ntop without bootstrap").args("mse", "--dataset", UK, "--ntop", "10")
                    .expect("--ntop", "--interval bootstrap"),
            on("--ntop with stepwise bootstrap").args("mse", "--dataset", UK, "--interval", "bootstrap", "--select",
                    "stepwise", "--ntop", "10").expect("--ntop", "stepwise"),
            on("--extended-mle with stepwise").args("mse", "--dataset", UK, "--select", "stepwise", "--extended-mle")
                    .expect("--extended-mle", "stepwise"),
            on("--extended-mle on 6 lists (stepwise default)").args("mse", "--dataset", "uk2013_6lists",
                    "--extended-mle").expect("--extended-mle", "6 lists"),
            on("--extended-mle with --method").args("mse", "{dir}/two.csv", "--method", "chapman", "--extended-mle")
                    .file("two.csv", TWO_NO_OVERLAP).expect("--extended-mle", "--method"),
            on("--extended-mle with --closed-models").args("mse", "--dataset", UK, "--closed-models", "--extended-mle")
                    .expect("--extended-mle", "--closed-models"),
            on("--interval bootstrap with --model").args("mse", "--dataset", UK, "--interval", "bootstrap", "--model",
                    "main").expect("--model", "--select"),
            // ---------------------------------------------------------------- unknown terms and lists
            on("model generator beyond the lists").args("mse", "--dataset", UK, "--model", "[12,9]")
                    .expect("'9'", "5 lists"),
            on("model term naming an unknown list").args("mse", "--dataset", UK, "--model", "LA:XX")
                    .expect("'LA:XX'", "unknown list 'XX'"),
            on("model that is not a model").args("mse", "--dataset", UK, "--model", "foo")
                    .expect("'foo'"),
            on("--lists naming an unknown column").args("mse", "--dataset", UK, "--lists", "LA,ZZ")
                    .expect("'ZZ'"),
            on("--lists unknown column in a file").args("mse", "{dir}/cases.csv", "--lists", "LA,XY")
                    .file("cases.csv", CASES).expect("'XY'").secrets("Jane Roe", "John Doe"),
            on("--method unknown").args("mse", "--dataset", UK, "--method", "mh-normal").expect("'mh-normal'"),
            on("--bayes unknown").args("mse", "--dataset", UK, "--bayes", "mcmc").expect("--bayes", "mcmc"),
            on("--capture-order unknown").args("mse", "--dataset", UK, "--closed-models", "--capture-order", "time")
                    .expect("--capture-order", "time"),
            on("--method mb without order (CLI remedy)").args("mse", "--dataset", UK, "--method", "mb")
                    .expect("capture order", "--capture-order lists"),
            on("fixed model with an empty overlap").args("mse", "--dataset", "artificial_3lists", "--model", "A:C",
                    "--output", "{dir}/out.json").expect("term a:c", "--extended-mle"),
            on("fixed model whose MLE does not exist").args("mse", "--dataset", "artificial_3lists", "--model", "[12,3]")
                    .expect("A:B", "does not exist", "remove an interaction term from --model"),
            // ---------------------------------------------------------------- tables that give no estimate
            on("lists never overlap, aic").args("mse", "{dir}/t.csv", "--select", "aic", "--output", "{dir}/o.json")
                    .file("t.csv", NO_OVERLAP).expect("lists do not overlap", "[A, B, C]"),
            on("lists never overlap, bic").args("mse", "{dir}/t.csv", "--select", "bic").file("t.csv", NO_OVERLAP)
                    .expect("lists do not overlap"),
            on("lists never overlap, fixed").args("mse", "{dir}/t.csv", "--model", "main").file("t.csv", NO_OVERLAP)
                    .expect("lists do not overlap", "unbounded"),
            on("lists never overlap, stepwise").args("mse", "{dir}/t.csv", "--select", "stepwise", "--format", "json",
                    "--output", "{dir}/o.json").file("t.csv", NO_OVERLAP).expect("lists do not overlap"),
            on("lists never overlap, bootstrap").args("mse", "{dir}/t.csv", "--interval", "bootstrap", "--replicates",
                    "20").file("t.csv", NO_OVERLAP).expect("lists do not overlap"),
            on("two lists never overlap, lincoln-petersen").args("mse", "{dir}/two.csv", "--method", "lincoln-petersen")
                    .file("two.csv", TWO_NO_OVERLAP).expect("no case is on both A and B"),
            on("two lists never overlap, default").args("mse", "{dir}/two.csv").file("two.csv", TWO_NO_OVERLAP)
                    .expect("lists do not overlap"),
            on("main effects cannot be fitted").args("mse", "{dir}/n.csv", "--model", "main").file("n.csv", NESTED)
                    .expect("do not overlap enough", "[01]"),
            on("no model passes the checks").args("mse", "{dir}/n.csv", "--select", "bic").file("n.csv", NESTED)
                    .expect("do not overlap enough", "--select stepwise"),
            on("a list with no cases").args("mse", "{dir}/e.csv", "--select", "bic").file("e.csv", EMPTY_C)
                    .expect("list 'c'", "no cases", "--lists"),
            on("a list with no cases, stepwise").args("mse", "{dir}/e.csv", "--select", "stepwise")
                    .file("e.csv", EMPTY_C).expect("list 'c'"),
            on("a single list").args("mse", "{dir}/one.csv").file("one.csv", "A,count\n1,10\n").expect("2 to 15 lists"),
            on("two-list method on five lists").args("mse", "--dataset", UK, "--method", "chapman")
                    .expect("exactly 2 lists", "--lists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(BadInput.Case c) {
        BadInput.assertRefused(c, dir);
    }
}
