suppressMessages(library(survey))
n <- 100000
i <- 0:(n-1)
d <- data.frame(stratum = i %% 50, psu = i %/% 100, w = 1 + (i %% 7) / 2,
                y = as.numeric(((i * 7919) %% 1000) < 300 + 100 * ((i %/% 100) %% 3)),
                g = i %% 3, h = (i %/% 100) %% 4)
des <- svydesign(ids=~psu, strata=~stratum, weights=~w, data=d, nest=TRUE)
for (v in c("g", "h")) for (lev in 0:(if (v == "g") 2 else 3)) {
  sub <- subset(des, get(v) == lev)
  ci <- svyciprop(~y, sub, method="beta")
  m <- svymean(~y, sub)
  cat(sprintf("%s=%d rows %d degf %d coef %.17g var %.17g lower %.17g upper %.17g\n", v, lev, nrow(sub), degf(sub),
      coef(m), vcov(m), confint(ci)[1], confint(ci)[2]))
}
b <- svyby(~y, ~h, des, svyciprop, method="beta", vartype="ci")
print(b, digits=17)
# whole design, levels 0.95, 0.90, 0.99:
for (lev in c(0.95, 0.9, 0.99)) {
  ci <- svyciprop(~y, des, method="beta", level=lev)
  cat(sprintf("level %.2f lower %.17g upper %.17g\n", lev, confint(ci)[1], confint(ci)[2]))
}
# R 4.2.2, survey 4.1.1 (Debian bookworm r-cran-survey), run 2026-12-02, figures printed with %.17g
# a domain of a calibrated design (BetaIntervalLargeSampleTest.aDomainOfACalibratedDesignUsesEveryRowAsR)
data(api)
dclus1 <- svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc)
dps <- postStratify(dclus1, ~stype, data.frame(stype=c("E","H","M"), Freq=c(4421,755,1018)))
print(svyby(~I(sch.wide=="Yes"), ~awards, dps, svyciprop, method="beta", vartype="ci"), digits=15)
# a domain of a replicate design (BetaIntervalLargeSampleTest.aDomainOfAReplicateDesignUsesTheSubsetsDegreesOfFreedomAsR)
dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc)
jk <- as.svrepdesign(dstrat, type="JKn")
cat("degf", degf(subset(jk, awards=="No")), "\n")
print(svyby(~I(sch.wide=="Yes"), ~awards, jk, svyciprop, method="beta", vartype="ci"), digits=15)
