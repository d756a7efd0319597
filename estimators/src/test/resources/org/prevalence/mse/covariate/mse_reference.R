# Reference figures for org.prevalence.mse.covariate, from Cruyff's R package mse 1.0
# (github MaartenCruyff/mse, GPL-2), installed from source. Run with:
#   R_LIBS=/work/rlib/covmse OMP_NUM_THREADS=1 Rscript mse_reference.R
# Writes: simdat.csv, path_*.csv, boot_*.csv, timing.txt, sessionInfo.txt
library(mse)
data(simdat)
options(digits = 15)
sd <- as.data.frame(simdat)
write.csv(data.frame(lapply(sd, as.character)), "simdat.csv", row.names = FALSE, quote = FALSE)

# Unrounded figures of every model on model_search's path: each formula is refitted by glm on the
# cells with an observed history (obs), exactly as model_search does, and N is the sum of its
# fitted values over every cell of the table d_year (rows not in 'keep' excluded).
path_table <- function(s, keep = rep(TRUE, nrow(s$d_year)), fitrows = s$obs) {
  n <- sum(s$d_year$Freq)
  out <- NULL
  steps <- c("", as.character(s$models$Step[-1]))
  for (j in seq_along(s$formulas)) {
    m <- glm(s$formulas[[j]], poisson, data = s$d_year[fitrows & keep, ])
    p <- m$rank
    fit <- predict(m, newdata = s$d_year[keep, ], type = "response")
    tl <- attr(terms(s$formulas[[j]]), "term.labels")
    out <- rbind(out, data.frame(step = steps[j], terms = paste(tl, collapse = " "),
      rank = p, df = m$df.residual, deviance = m$deviance,
      aic = extractAIC(m, k = 2)[2], aicc = extractAIC(m, k = 2)[2] + 2 * (p^2 + p) / (n - p - 1),
      bic = extractAIC(m, k = log(n))[2], N = sum(fit), converged = m$converged,
      minfit = min(fit)))
  }
  out
}
wr <- function(df, file) write.csv(df, file, row.names = FALSE)
fmt <- function(df) { for (k in seq_along(df)) if (is.double(df[[k]])) df[[k]] <- sprintf("%.12g", df[[k]]); df }

s1 <- model_search(simdat, lists = 1:4)
wr(fmt(path_table(s1)), "path_factor.csv")
s2 <- model_search(simdat, lists = 1:4, year = "Y", degree_year = 2)
wr(fmt(path_table(s2)), "path_poly2.csv")
# the poly(., 2) columns of the full table, first 12 distinct year values
py <- unique(data.frame(level = as.numeric(s2$d$Y), s2$d_year$Y))
wr(fmt(py), "poly2_year.csv")

# Our own R function (not mse code) running model_search's rule -- step() by BIC from the minimal
# model, then forward by AIC, then forward with k = 1 -- on the cells with an observed history that
# are not structural zeros; N sums the fitted values over every cell that is not a structural zero.
search_sz <- function(x, lists, absent) {
  x <- as.data.frame(lapply(x, as.factor))
  d <- as.data.frame(table(x))
  n <- sum(d$Freq)
  obs <- rowSums(d[, lists] == "1") > 0
  keep <- !absent(d)
  stopifnot(all(d$Freq[!keep] == 0))
  xo <- d[obs & keep, ]
  m0 <- glm(Freq ~ ., poisson, data = xo); mx <- glm(Freq ~ .^2, poisson, data = xo)
  mb <- step(m0, scope = list(lower = formula(m0), upper = formula(mx)), k = log(n), trace = 0)
  ma <- step(mb, scope = list(lower = formula(mb), upper = formula(mx)), trace = 0)
  mn <- step(ma, scope = list(lower = formula(ma), upper = formula(mx)), k = 1, trace = 0)
  steps <- c(as.character(mb$anova$Step), as.character(ma$anova$Step[-1]), as.character(mn$anova$Step[-1]))
  f <- formula(m0); fx <- list(f)
  for (st in steps[-1]) { f <- update(f, paste("~.", st)); fx[[length(fx) + 1]] <- f }
  s <- list(formulas = fx, d_year = d, obs = obs, models = data.frame(Step = steps))
  path_table(s, keep = keep)
}
# check: with no structural zeros search_sz is model_search's path
chk <- search_sz(simdat, 1:4, function(d) rep(FALSE, nrow(d)))
stopifnot(isTRUE(all.equal(chk$N, path_table(s1)$N)))

# Structural zero: list R3 did not operate in year Y = 4. The simdat cases of year 4 seen on R3 are
# moved off R3 (R3 := 0); those seen on R3 only are dropped.
sz <- sd
y4 <- sz$Y == 4 & sz$R3 == "1"
sz$R3[y4] <- "0"
sz <- sz[!(sz$R1 == "0" & sz$R2 == "0" & sz$R3 == "0" & sz$R4 == "0"), ]
write.csv(data.frame(lapply(sz, as.character)), "simdat_r3_absent_y4.csv", row.names = FALSE, quote = FALSE)
p3 <- search_sz(sz, 1:4, function(d) d$R3 == "1" & d$Y == "4")
wr(fmt(p3), "path_r3_absent_y4.csv")

# A small table of our own: three lists A, B, C, covariate G (levels a, b); list C absent in level b.
own <- data.frame(A = c(1,0,1,0,1,0,1, 1,0,1), B = c(0,1,1,0,0,1,1, 0,1,1), C = c(0,0,0,1,1,1,1, 0,0,0),
                  G = c(rep("a", 7), rep("b", 3)), Freq = c(40,35,12,30,9,8,4, 52,47,18))
write.csv(own, "own_c_absent_b.csv", row.names = FALSE, quote = FALSE)
ow <- own[rep(seq_len(nrow(own)), own$Freq), 1:4]
p4 <- search_sz(ow, 1:3, function(d) d$C == "1" & d$G == "b")
wr(fmt(p4), "path_own_c_absent_b.csv")

# boot_mse on the BIC model of model_search(simdat, lists = 1:4), 1000 replicates, seed 1
b1 <- boot_mse(s1, rep = 1000, seed = 1)
bt <- NULL
for (nm in names(b1)) {
  t <- b1[[nm]]
  bt <- rbind(bt, data.frame(table = nm, level = rownames(t), t, row.names = NULL))
}
wr(bt, "boot_factor.csv")
sink("boot_factor.txt"); print(b1); sink()

# timing of model_search(simdat, lists = 1:4), 5 runs
tm <- replicate(5, system.time(capture.output(model_search(simdat, lists = 1:4)))[["elapsed"]])
tb <- system.time(capture.output(boot_mse(s1, rep = 1000, seed = 1)))[["elapsed"]]
writeLines(c(sprintf("model_search(simdat, lists = 1:4) elapsed seconds, 5 runs: %s", paste(tm, collapse = " ")),
             sprintf("boot_mse(s1, rep = 1000, seed = 1) elapsed seconds: %s", tb),
             paste("machine:", system("nproc", intern = TRUE), "cores, OMP_NUM_THREADS=1; other helpers were running")), "timing.txt")
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
