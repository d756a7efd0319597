# Successive-difference replication (SDR) reference: a replicate-weight sample built here, and R's
# svrepdesign(type="successive-difference", mse=TRUE) totals and SEs on it.
# Run: Rscript make_sdr_expected.R  (writes apistrat_sdr80.csv and sdr-expected.csv here)
suppressMessages(library(survey))
apistrat <- read.csv("../replicate/apistrat.csv", comment.char = "#", stringsAsFactors = TRUE)
d <- apistrat[order(apistrat$snum), c("snum", "stype", "api00", "enroll", "pw")]
# Fay & Train (1995) successive-difference factors, ACS style: the 80x80 Hadamard matrix in +-1
# (survey::hadamard(79), 0/1, as 2H-1); unit i (in snum order) takes rows a = i mod 80 and
# b = (i + 1) mod 80; replicate r's factor is 1 + 2^(-3/2) (H[a, r] - H[b, r]), i.e. 1 +- 0.7071 or 1.
H <- 2 * hadamard(79) - 1
stopifnot(all(dim(H) == c(80, 80)))
n <- nrow(d)
a <- (seq_len(n) - 1) %% 80 + 1
b <- seq_len(n) %% 80 + 1
f <- 1 + 2^(-1.5) * (H[a, ] - H[b, ])
rep <- d$pw * f
colnames(rep) <- paste0("rep", 1:80)
out <- cbind(d, rep)
write.csv(out, "apistrat_sdr80.csv", row.names = FALSE)
dsdr <- svrepdesign(data = out, weights = ~pw, repweights = "rep[0-9]+", type = "successive-difference",
                    mse = TRUE, combined.weights = TRUE)
f15 <- function(x) format(x, digits = 15)
rows <- list()
for (v in c("api00", "enroll")) {
  t <- svytotal(as.formula(paste0("~", v)), dsdr)
  m <- svymean(as.formula(paste0("~", v)), dsdr)
  rows[[length(rows) + 1]] <- data.frame(statistic = "total", variable = v, estimate = f15(coef(t)), se = f15(SE(t)),
                                         scale = f15(dsdr$scale), df = degf(dsdr))
  rows[[length(rows) + 1]] <- data.frame(statistic = "mean", variable = v, estimate = f15(coef(m)), se = f15(SE(m)),
                                         scale = f15(dsdr$scale), df = degf(dsdr))
}
g <- svyglm(api00 ~ enroll + stype, dsdr, control = glm.control(epsilon = 1e-30, maxit = 200))
s <- summary(g)$coefficients
for (j in seq_len(nrow(s))) {
  rows[[length(rows) + 1]] <- data.frame(statistic = "glm", variable = rownames(s)[j], estimate = f15(s[j, 1]),
                                         se = f15(s[j, 2]), scale = f15(dsdr$scale), df = g$df.residual)
}
write.csv(do.call(rbind, rows), "sdr-expected.csv", row.names = FALSE)
