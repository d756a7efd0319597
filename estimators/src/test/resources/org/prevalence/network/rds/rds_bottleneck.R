suppressMessages(library(RDS))
f <- function(x) formatC(x, digits=12, format="g")
data(fauxmadrona); d <- fauxmadrona
seeds <- get.seed.id(d); sids <- unique(seeds)
rows <- c()
for (s in sids) {
  dat <- d[seeds == s, ]
  e <- cumulative.estimate(dat, "disease", RDS.II.estimates)
  n <- attr(e, "n")
  for (w in seq_len(nrow(e))) rows <- c(rows, paste(s, w - 1, n[w], f(e[w, 1]), sep=","))
}
writeLines(c("# R 4.2.2, RDS 0.9-10: for each seed s of fauxmadrona, cumulative.estimate(fauxmadrona[get.seed.id(fauxmadrona)==s,], 'disease', RDS.II.estimates) (bottleneck.plot's data); rds_bottleneck.R",
  "seed,wave,n,estimate", rows), "rds-bottleneck-expected.csv")
