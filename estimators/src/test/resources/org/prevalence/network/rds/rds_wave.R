suppressMessages(library(RDS))
f <- function(x) formatC(x, digits=12, format="g")
rows <- c()
for (nm in c("fauxmadrona", "fauxsycamore")) {
  data(list=nm); d <- get(nm); d$diseasef <- factor(d$disease); w <- get.wave(d)
  for (k in 0:max(w)) {
    s <- d[w <= k, ]
    rows <- c(rows, paste(paste0("wave-rds-ii-", k), nm, f(RDS.II.estimates(s, "disease")$estimate), paste0('"RDS.II.estimates(d[get.wave(d) <= ', k, ', ], \'disease\')"'), sep=","))
    e <- RDS.I.estimates(s, "diseasef")$estimate
    rows <- c(rows, paste(paste0("wave-rds-i-", k), nm, f(if ("1" %in% names(e)) e[["1"]] else 0), paste0('"RDS.I.estimates(d[get.wave(d) <= ', k, ', ], \'diseasef\')[\'1\']"'), sep=","))
    rows <- c(rows, paste(paste0("wave-n-", k), nm, nrow(s), '"nrow"', sep=","))
  }
}
writeLines(rows, "/tmp/rnet/rds-wave.csv")
