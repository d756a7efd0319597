# Exports networkreporting's toy networks (tests/testthat/toynetworks.RData, github dfeehan/networkreporting;
# hand-computed truths in their attributes) and the package's own estimates on them.
suppressMessages({library(networkreporting)})
load("toynetworks.RData")
f <- function(x) formatC(x, digits=15, format="g")
rows <- c()
for (nm in names(toy.networks)) {
  tn <- toy.networks[[nm]]
  write.csv(tn, paste0("toy-", nm, ".csv"), row.names=FALSE)
  d.T.bar <- mean(subset(tn, hidden)$d); delta <- d.T.bar / mean(tn$d)
  g <- nsum.estimator(tn, d.hat.vals="d", y.vals="y", deg.ratio=delta, total.popn.size=NA)$estimate
  b <- nsum.estimator(tn, d.hat.vals="d", y.vals="y", total.popn.size=NA)$estimate
  m <- multiplicity.estimator(tn, mult.col="mult.response")
  rows <- c(rows, paste(nm, f(attr(tn, "nsum.estimate")), f(attr(tn, "gnsum.estimate")), f(attr(tn, "multiplicity.estimate")),
                        f(b), f(g), f(m), nrow(tn), sep=","))
}
writeLines(c("# nsum_toy.R: truth_* are the hand-computed attributes of networkreporting's toy networks; r_* are nsum.estimator(tn, d.hat.vals='d', y.vals='y', total.popn.size=NA[, deg.ratio=mean(d[hidden])/mean(d)])$estimate and multiplicity.estimator(tn, mult.col='mult.response'); proportions of N = rows",
  "network,truth_nsum,truth_gnsum,truth_multiplicity,r_nsum,r_gnsum,r_multiplicity,rows", rows), "nsum-toy-expected.csv")
