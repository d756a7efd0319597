# R survey baseline of the engine benchmark (README "Beyond one heap"): svrepdesign + svytotal with the
# 80 SDR replicate weights of the PUMS-like file (prevalence datasets pums DIR --format csv --seed 1).
# Run: OMP_NUM_THREADS=1 Rscript sdr_total.R DIR/pums.csv
suppressMessages({library(survey); library(data.table)})
args <- commandArgs(TRUE)
t0 <- proc.time()
d <- fread(args[1], showProgress = FALSE)
t1 <- proc.time()
des <- svrepdesign(data = d, weights = ~PWGTP, repweights = "PWGTP[0-9]+", type = "successive-difference",
                   mse = TRUE, combined.weights = TRUE)
tot <- svyby(~employed, ~REGION, des, svytotal)
t2 <- proc.time()
print(format(as.data.frame(tot), digits = 12))
cat(sprintf("read %.2f s; svrepdesign + svyby(svytotal) %.2f s\n", (t1 - t0)[["elapsed"]], (t2 - t1)[["elapsed"]]))
print(sessionInfo()$otherPkgs$survey$Version)
