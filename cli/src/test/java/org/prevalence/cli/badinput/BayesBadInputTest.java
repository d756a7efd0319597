package org.prevalence.cli.badinput;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code prevalence mse --bayes bma|latent-class}: every case exits 2 with one line
 * naming the option (or the lists) at fault, writes nothing and prints nothing on standard output.
 */
class BayesBadInputTest {
    /** Three lists that overlap, 185 cases. */
    private static final String THREE = "A,B,C,count\n1,0,0,40\n0,1,0,50\n0,0,1,30\n1,1,0,20\n1,0,1,15\n0,1,1,10\n1,1,1,20\n";
    /** Two lists, no case on both. */
    private static final String APART = "A,B,count\n1,0,40\n0,1,50\n";
    /** One list. */
    private static final String ONE = "A,count\n1,40\n";

    static Stream<BadInput.Case> cases() {
        return Stream.of(
                BadInput.on("bma grid maximum 0").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--grid-max", "0").expect("grid maximum", "--grid-max"),
                BadInput.on("bma negative grid maximum").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--grid-max", "-5").expect("grid maximum", "--grid-max"),
                BadInput.on("bma grid maximum above the largest").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--grid-max", "300000000")
                        .expect("grid maximum must be <=", "--grid-max"),
                BadInput.on("bma grid maximum not a number").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--grid-max", "lots").expect("--grid-max"),
                BadInput.on("bma delta 0").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--delta", "0").expect("delta", "--delta"),
                BadInput.on("bma negative delta").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--delta", "-0.5").expect("delta", "--delta"),
                BadInput.on("bma unknown prior").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--prior", "jeffreys").expect("--prior", "jeffreys"),
                BadInput.on("bma on one list").file("t.csv", ONE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma").expect("2 to 15 lists", "got 1"),
                BadInput.on("bma on eight lists (dga's limit is 6)")
                        .args("mse", "--dataset", "neworleans_8lists", "--bayes", "bma").expect("at most 6 lists", "--lists"),
                BadInput.on("bma strict on lists that never overlap").file("t.csv", APART)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--strict")
                        .expect("list 'a' overlaps no other list", "--strict"),
                BadInput.on("unknown bayes method").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "dirichlet").expect("--bayes", "dirichlet"),
                BadInput.on("latent-class zero chains").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--chains", "0").expect("chains", "--chains"),
                BadInput.on("latent-class negative chains").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--chains", "-3").expect("chains", "--chains"),
                BadInput.on("latent-class one chain cannot be diagnosed").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--chains", "1")
                        .expect("at least 2 chains", "--chains 2"),
                BadInput.on("latent-class zero samples").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--samples", "0").expect("samples", "--samples"),
                BadInput.on("latent-class five samples cannot be diagnosed").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--samples", "5")
                        .expect("at least 6 samples", "--samples 6"),
                BadInput.on("latent-class negative burn-in").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--burnin", "-1").expect("burn-in", "--burnin"),
                BadInput.on("latent-class zero thinning").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--thin", "0").expect("thinning", "--thin"),
                BadInput.on("latent-class zero classes").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--classes", "0").expect("classes", "--classes"),
                BadInput.on("latent-class chains not a number").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--chains", "four").expect("--chains"),
                BadInput.on("latent-class on one list").file("t.csv", ONE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class").expect("2 to 15 lists", "got 1"),
                BadInput.on("bma option --grid-max with latent-class").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "latent-class", "--grid-max", "5000")
                        .expect("--grid-max", "--bayes bma"),
                BadInput.on("bma option --prior without --bayes").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--prior", "uniform").expect("--prior", "without --bayes bma"),
                BadInput.on("bma option --strict with --compare").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--compare", "--strict").expect("--strict", "--bayes bma"),
                BadInput.on("latent-class option --chains with bma").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--bayes", "bma", "--chains", "8")
                        .expect("--chains", "--bayes latent-class"),
                BadInput.on("latent-class option --samples without --bayes").file("t.csv", THREE)
                        .args("mse", "{dir}/t.csv", "--samples", "500").expect("--samples", "without --bayes latent-class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(BadInput.Case c, @TempDir Path dir) {
        BadInput.assertRefused(c, dir);
    }
}
