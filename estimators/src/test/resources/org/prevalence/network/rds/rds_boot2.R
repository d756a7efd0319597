suppressMessages(library(RDS)); data(fauxmadrona); d <- fauxmadrona
# RDS 0.9-10's salganik.bootstrap.estimates indexes the transition matrix (sorted factor levels) by groups
# numbered in order of first appearance (unique()); fauxmadrona's first row has disease 1, which swaps the
# labels (replicate mean 0.638 against a point estimate of 0.164). It also takes each chain member's
# outcome from the rows in file order but its group and degree from the rows in wave order, which
# disagree unless the file is sorted by wave. With the rows ordered by wave, then disease (so a
# disease-0 seed comes first), both orders agree; the estimators themselves do not depend on row order.
o <- order(d$wave, d$disease)
d2 <- as.rds.data.frame(as.data.frame(d)[o,], id="id", recruiter.id="recruiter.id", network.size="degree", population.size=1000)
f <- function(x) formatC(x, digits=12, format="g")
ses <- c(); lo <- c(); hi <- c(); mr <- c()
for (s in 1:5) { set.seed(s); b <- RDS.bootstrap.intervals(d2, "disease", weight.type="RDS-II", uncertainty="Salganik", number.of.bootstrap.samples=1000)
  ses <- c(ses, b$interval[1,5]); lo <- c(lo, b$interval[1,2]); hi <- c(hi, b$interval[1,3]); mr <- c(mr, mean(attr(b,"bsresult"))) }
q <- function(x) paste0('"', x, '"')
rows <- c(paste("boot-se-mean5","fauxmadrona",f(mean(ses)),q("mean over set.seed(1:5) of RDS.bootstrap.intervals(d2,'disease',weight.type='RDS-II',uncertainty='Salganik',number.of.bootstrap.samples=1000)$interval[1,5]; d2 = fauxmadrona ordered by wave then disease"),sep=","),
  paste("boot-se-sd5","fauxmadrona",f(sd(ses)),q("sd over the same 5 seeds"),sep=","),
  paste("boot-lower-mean5","fauxmadrona",f(mean(lo)),q("mean lower limit"),sep=","),
  paste("boot-upper-mean5","fauxmadrona",f(mean(hi)),q("mean upper limit"),sep=","),
  paste("boot-replicate-mean5","fauxmadrona",f(mean(mr)),q("mean of the replicate estimates over the 5 runs"),sep=","))
writeLines(rows, "/tmp/rnet/rds-bootstrap2.csv")
