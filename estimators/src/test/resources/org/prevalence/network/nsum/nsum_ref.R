suppressMessages({library(networkreporting); library(surveybootstrap); library(plyr)})
data(example.survey); data(example.knownpop.dat)
kp.vec <- df.to.kpvec(example.knownpop.dat, kp.var="known.popn", kp.value="size")
tot.pop.size <- 10e6
known.popn.vars <- paste(example.knownpop.dat$known.popn)
example.survey <- topcode.data(example.survey, vars=known.popn.vars, max=30)
out <- example.survey[, c("id","cluster","region","indweight", known.popn.vars, "clients", "idu")]
write.csv(out, "/tmp/rnet/nsum_example_survey.csv", row.names=FALSE, na="NA")
write.csv(example.knownpop.dat, "/tmp/rnet/nsum_example_knownpop.csv", row.names=FALSE)
f <- function(x) formatC(x, digits=12, format="g")
rows <- c()
add <- function(case, value, call) rows <<- c(rows, paste(case, f(value), paste0('"', call, '"'), sep=","))
d.hat <- kp.individual.estimator_(resp.data=example.survey, known.populations=known.popn.vars,
                                  total.kp.size=sum(kp.vec), alter.popn.size=tot.pop.size)$dbar.Fcell.F
for (i in c(1, 2, 3, 17)) add(paste0("degree-row", i), d.hat[i], paste0("kp.individual.estimator_(...)$dbar.Fcell.F[", i, "]"))
add("degree-sum", sum(d.hat), "sum(kp.individual.estimator_(...)$dbar.Fcell.F)")
example.survey$d.hat <- d.hat
e <- nsum.estimator(survey.data=example.survey, d.hat.vals="d.hat", total.popn.size=tot.pop.size, y.vals="clients", missing="complete.obs", killworth.se=TRUE)
add("nsum-clients-unweighted", e$estimate, "nsum.estimator(example.survey, d.hat.vals='d.hat', total.popn.size=10e6, y.vals='clients', missing='complete.obs')$estimate")
add("nsum-clients-unweighted-sum-d", e$sum.d.hat, "$sum.d.hat")
add("nsum-clients-unweighted-killworth-se", e$killworth.se, "$killworth.se (killworth.se=TRUE)")
w <- nsum.estimator(survey.data=example.survey, d.hat.vals="d.hat", total.popn.size=tot.pop.size, y.vals="clients", weights="indweight", missing="complete.obs", killworth.se=TRUE)
add("nsum-clients-weighted", w$estimate, "nsum.estimator(..., weights='indweight')$estimate")
add("nsum-clients-weighted-killworth-se", w$killworth.se, "nsum.estimator(..., weights='indweight', killworth.se=TRUE)$killworth.se")
w2 <- nsum.estimator(survey.data=example.survey, d.hat.vals="d.hat", total.popn.size=tot.pop.size, y.vals="idu", weights="indweight", missing="complete.obs")
add("nsum-idu-weighted", w2$estimate, "nsum.estimator(..., y.vals='idu', weights='indweight')$estimate")
kd <- kp.estimator_(example.survey, known.populations=known.popn.vars, weights="indweight", total.kp.size=sum(kp.vec), alter.popn.size=tot.pop.size, verbose=FALSE)
add("mean-degree-weighted", kd$dbar.Fcell.F, "kp.estimator_(..., weights='indweight', total.kp.size=sum(kp.vec), alter.popn.size=10e6)$dbar.Fcell.F")
ic <- nsum.internal.consistency(survey.data=example.survey, known.popns=kp.vec, missing="complete.obs", killworth.se=TRUE, total.popn.size=tot.pop.size, alter.popn.size=tot.pop.size, kp.method=TRUE)
for (k in c(1, 2, nrow(ic$results))) add(paste0("ic-", ic$results$name[k]), ic$results$nsum.holdout.est[k], paste0("nsum.internal.consistency(...)$results$nsum.holdout.est[", k, "]"))
add("ic-mae", ic$mae, "nsum.internal.consistency(...)$mae")
add("ic-rmse", ic$rmse, "$rmse")
add("ic-are", ic$are, "$are")
ses <- c()
t0 <- Sys.time()
for (s in 1:5) { set.seed(s)
  b <- bootstrap.estimates(survey.design = ~ cluster + strata(region), num.reps=1000, estimator.fn="nsum.estimator",
        weights="indweight", bootstrap.fn="rescaled.bootstrap.sample", survey.data=example.survey,
        d.hat.vals="d.hat", total.popn.size=tot.pop.size, y.vals="clients", missing="complete.obs")
  ses <- c(ses, sd(laply(b, function(x) x$estimate))) }
add("boot-se-mean5", mean(ses), "mean over set.seed(1:5) of sd of bootstrap.estimates(~cluster+strata(region), num.reps=1000, 'nsum.estimator', weights='indweight', 'rescaled.bootstrap.sample', y.vals='clients')$estimate")
add("boot-se-sd5", sd(ses), "sd over the same 5 seeds")
writeLines(c("case,value,call", rows), "/tmp/rnet/nsum-expected.csv")
print(ic$results); print(sessionInfo())
