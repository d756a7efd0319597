# PPS without replacement reference: R survey's election_pps (40 counties drawn with probability
# proportional to votes; data(election), survey 4.1.1) and its exact joint inclusion probabilities
# election_jointprob. Writes election_pps.csv, election_jointprob.csv and pps-expected.csv here.
# Run: Rscript make_pps_expected.R
suppressMessages(library(survey))
data(election)
e <- election_pps[, c("County", "TotPrecincts", "Bush", "Kerry", "Nader", "votes", "p")]
e$County <- as.character(e$County)
e$stratum <- rep(1:2, length.out = nrow(e))  # a constructed two-stratum split for stratified checks
write.csv(e, "election_pps.csv", row.names = FALSE)
e <- read.csv("election_pps.csv")  # compute on exactly what the tests read
write.table(format(election_jointprob, digits = 17), "election_jointprob.csv", sep = ",", quote = FALSE,
            row.names = FALSE, col.names = FALSE)
jp <- as.matrix(read.csv("election_jointprob.csv", header = FALSE))
stopifnot(max(abs(jp - election_jointprob)) == 0)
psum <- sum(election$p^2) / 40   # HR(psum): sum over the population of p^2 / n
designs <- list(
  brewer = svydesign(id = ~1, fpc = ~p, data = e, pps = "brewer"),
  overton = svydesign(id = ~1, fpc = ~p, data = e, pps = "overton"),
  hr = svydesign(id = ~1, fpc = ~p, data = e, pps = HR(psum)),
  hr1 = svydesign(id = ~1, fpc = ~p, data = e, pps = HR()),
  ppsmat = svydesign(id = ~1, fpc = ~p, data = e, pps = ppsmat(jp)),
  ppsmat_yg = svydesign(id = ~1, fpc = ~p, data = e, pps = ppsmat(jp), variance = "YG"),
  overton_yg = svydesign(id = ~1, fpc = ~p, data = e, pps = "overton", variance = "YG"),
  wr = svydesign(id = ~1, probs = ~p, data = e),
  brewer_strat = svydesign(id = ~1, strata = ~stratum, fpc = ~p, data = e, pps = "brewer"),
  overton_strat = svydesign(id = ~1, strata = ~stratum, fpc = ~p, data = e, pps = "overton"),
  hr1_strat = svydesign(id = ~1, strata = ~stratum, fpc = ~p, data = e, pps = HR())
)
calls <- c(brewer = 'svydesign(id=~1, fpc=~p, data=election_pps, pps="brewer")',
           overton = 'svydesign(id=~1, fpc=~p, data=election_pps, pps="overton")',
           hr = 'svydesign(id=~1, fpc=~p, data=election_pps, pps=HR(sum(election$p^2)/40))',
           hr1 = 'svydesign(id=~1, fpc=~p, data=election_pps, pps=HR())',
           ppsmat = 'svydesign(id=~1, fpc=~p, data=election_pps, pps=ppsmat(election_jointprob))',
           ppsmat_yg = 'svydesign(id=~1, fpc=~p, data=election_pps, pps=ppsmat(election_jointprob), variance="YG")',
           overton_yg = 'svydesign(id=~1, fpc=~p, data=election_pps, pps="overton", variance="YG")',
           wr = 'svydesign(id=~1, probs=~p, data=election_pps)',
           brewer_strat = 'svydesign(id=~1, strata=~stratum, fpc=~p, data=election_pps, pps="brewer")',
           overton_strat = 'svydesign(id=~1, strata=~stratum, fpc=~p, data=election_pps, pps="overton")',
           hr1_strat = 'svydesign(id=~1, strata=~stratum, fpc=~p, data=election_pps, pps=HR())')
f15 <- function(x) format(as.numeric(x), digits = 15)
rows <- list()
for (nm in names(designs)) {
  d <- designs[[nm]]
  for (v in c("Bush", "Kerry", "Nader")) {
    t <- svytotal(as.formula(paste0("~", v)), d)
    rows[[length(rows) + 1]] <- data.frame(case = paste(nm, "total", v), design = nm, statistic = "total",
      variable = v, estimate = f15(coef(t)), se = f15(SE(t)), df = degf(d), call = calls[[nm]])
  }
  m <- svymean(~Bush, d)
  rows[[length(rows) + 1]] <- data.frame(case = paste(nm, "mean Bush"), design = nm, statistic = "mean",
    variable = "Bush", estimate = f15(coef(m)), se = f15(SE(m)), df = degf(d), call = calls[[nm]])
  r <- svyratio(~Bush, ~votes, d)
  rows[[length(rows) + 1]] <- data.frame(case = paste(nm, "ratio Bush/votes"), design = nm, statistic = "ratio",
    variable = "Bush/votes", estimate = f15(coef(r)), se = f15(SE(r)), df = degf(d), call = calls[[nm]])
}
out <- do.call(rbind, rows)
con <- file("pps-expected.csv", "w")
writeLines("case,design,statistic,variable,estimate,se,df,call", con)
writeLines(c("# R survey 4.1.1 on R 4.2.2; script make_pps_expected.R (this folder); election_pps from survey's data(election)",
             "# estimate/se: format(x, digits=15); se of svytotal/svymean/svyratio on each design; df = degf(design)"), con)
write.table(out, con, sep = ",", row.names = FALSE, col.names = FALSE, quote = c(1, 8))
close(con)
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
writeLines(format(psum, digits = 17), "hr-psum.txt")
