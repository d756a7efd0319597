# Times R survey's svychisq (Rao-Scott F, and the Wald test) on a sample of the shape of SurveyChisqBenchmark:
# 1,000,000 rows, 50 strata, 2,000 PSUs (PSU i < 2000 ? i : uniform, stratum = PSU %/% 40), weights U(50, 150),
# sector uniform on A-D, P(fl = 1) = expit(-1 + 0.2 s + 0.005 h) (s = 0..3). R's own RNG (set.seed(20261203)).
# Writes the sample to the CSV given (default /tmp/svychisq_1m.csv) so that the benchmark can read the same rows:
#   java -jar benchmarks/target/benchmarks.jar SurveyChisqBenchmark -p csv=/tmp/svychisq_1m.csv
# Run: OMP_NUM_THREADS=1 Rscript benchmarks/scripts/time_svychisq.R [ROWS] [CSV]
suppressMessages(library(survey))
args <- commandArgs(TRUE)
n <- if (length(args) >= 1) as.integer(args[1]) else 1000000L
csv <- if (length(args) >= 2) args[2] else "/tmp/svychisq_1m.csv"
set.seed(20261203)
psu <- c(0:1999, sample.int(2000, n - 2000, replace = TRUE) - 1L)
h <- psu %/% 40
w <- 50 + 100 * runif(n)
s <- sample.int(4, n, replace = TRUE) - 1L
fl <- as.numeric(runif(n) < plogis(-1 + 0.2 * s + 0.005 * h))
d <- data.frame(psu = psu, h = h, w = w, sector = LETTERS[s + 1], fl = fl)
write.csv(d, csv, row.names = FALSE)
t0 <- system.time(des <- svydesign(id = ~psu, strata = ~h, weights = ~w, data = d))
t1 <- system.time(f <- svychisq(~fl + sector, des, statistic = "F"))
t2 <- system.time(wd <- svychisq(~fl + sector, des, statistic = "Wald"))
cat(sprintf("rows %d: svydesign %.2f s, svychisq F %.2f s, Wald %.2f s (elapsed)\n", n, t0[["elapsed"]],
            t1[["elapsed"]], t2[["elapsed"]]))
print(f)
print(wd)
print(sessionInfo()$R.version$version.string)
cat("survey", format(packageVersion("survey")), "\n")
