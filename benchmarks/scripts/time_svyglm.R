# Times R survey's svyglm (quasibinomial, 5 covariates, linearization SEs) on a sample of the shape of
# SurveyGlmBenchmark: 1,000,000 rows, 50 strata, 2,000 PSUs (PSU i < 2000 ? i : uniform, stratum =
# PSU %/% 40), weights U(50, 150), x1..x5 N(0, 1), P(y = 1) = expit(-0.5 + 0.4 x1 - 0.3 x2 + 0.2 x3
# + 0.1 x4 - 0.2 x5 + 0.01 h). R's own RNG (set.seed(20261203)), so the rows are not Java's, only the shape.
# Run: OMP_NUM_THREADS=1 Rscript benchmarks/scripts/time_svyglm.R [ROWS]
suppressMessages(library(survey))
args <- commandArgs(TRUE)
n <- if (length(args)) as.integer(args[1]) else 1000000L
set.seed(20261203)
psu <- c(0:1999, sample.int(2000, n - 2000, replace = TRUE) - 1L)
h <- psu %/% 40
w <- 50 + 100 * runif(n)
x <- matrix(rnorm(5 * n), n, 5, dimnames = list(NULL, paste0("x", 1:5)))
eta <- -0.5 + 0.01 * h + x %*% c(0.4, -0.3, 0.2, 0.1, -0.2)
y <- as.numeric(runif(n) < plogis(eta))
d <- data.frame(psu = psu, h = h, w = w, x, y = y)
t0 <- system.time(des <- svydesign(id = ~psu, strata = ~h, weights = ~w, data = d))
t1 <- system.time(m <- svyglm(y ~ x1 + x2 + x3 + x4 + x5, design = des, family = quasibinomial()))
cat(sprintf("rows %d: svydesign %.2f s, svyglm %.2f s (elapsed)\n", n, t0[["elapsed"]], t1[["elapsed"]]))
print(summary(m)$coefficients)
print(sessionInfo()$R.version$version.string)
cat("survey", format(packageVersion("survey")), "\n")
