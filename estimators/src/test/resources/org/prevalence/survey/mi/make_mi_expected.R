# Multiple imputation reference: mitools 2.4 (Debian r-cran-mitools 2.4-2) MIcombine on its own example data
# smi (5 imputations of a smoking/drinking panel, 1170 rows each) and survey 4.1.1 designs on them.
# Writes smi1.csv .. smi5.csv (columns id, wave, sex, drinkreg as 0/1, cistot, w = 1), mi-glm-inputs.csv
# (each imputation's glm coefficients and vcov of the mitools example), mi-expected.csv. Run: Rscript make_mi_expected.R
suppressMessages({library(mitools); library(survey)})
data(smi)
imps <- lapply(smi$imputations, function(d) data.frame(id = d$id, wave = d$wave, sex = d$sex,
  drinkreg = as.numeric(d$drinkreg), cistot = d$cistot, w = 1))
for (l in seq_along(imps)) write.csv(imps[[l]], paste0("smi", l, ".csv"), row.names = FALSE)
imps <- lapply(seq_along(imps), function(l) read.csv(paste0("smi", l, ".csv")))
f17 <- function(x) format(unname(x), digits = 17)
f15 <- function(x) format(unname(x), digits = 15)
# 1. the mitools example: models <- with(smi, glm(drinkreg~wave*sex, family=binomial())); MIcombine(models)
models <- with(smi, glm(drinkreg ~ wave * sex, family = binomial()))
inp <- list()
for (l in seq_along(models)) {
  b <- coef(models[[l]]); v <- vcov(models[[l]])
  for (j in seq_along(b)) inp[[length(inp) + 1]] <- data.frame(imputation = l, term = names(b)[j], estimate = f17(b[j]),
     v1 = f17(v[j, 1]), v2 = f17(v[j, 2]), v3 = f17(v[j, 3]), v4 = f17(v[j, 4]))
}
write.csv(do.call(rbind, inp), "mi-glm-inputs.csv", row.names = FALSE)
rows <- list()
add <- function(case, res, call) {
  s <- sqrt(diag(vcov(res))); crit <- qt(0.025, res$df, lower.tail = FALSE)
  for (j in seq_along(coef(res))) rows[[length(rows) + 1]] <<- data.frame(case = case, term = names(coef(res))[j],
    estimate = f15(coef(res)[j]), se = f15(s[j]), df = f15(res$df[j]), lower = f15(coef(res)[j] - crit[j] * s[j]),
    upper = f15(coef(res)[j] + crit[j] * s[j]), missinfo = f15(res$missinfo[j]), call = call)
}
add("example_glm", MIcombine(models), "MIcombine(with(smi, glm(drinkreg~wave*sex, family=binomial())))")
add("example_glm_dfc", MIcombine(models, df.complete = 1166), "MIcombine(models, df.complete=1166)")
# 2. survey designs on the imputations
designs <- svydesign(id = ~id, weights = ~w, data = imputationList(imps))
add("svymean_cistot", MIcombine(with(designs, svymean(~cistot))),
    "MIcombine(with(svydesign(id=~id, weights=~w, data=imputationList(smi1..5)), svymean(~cistot)))")
add("svytotal_drinkreg", MIcombine(with(designs, svytotal(~drinkreg))), "MIcombine(with(designs, svytotal(~drinkreg)))")
g <- with(designs, svyglm(drinkreg ~ wave * sex, family = quasibinomial(), control = glm.control(epsilon = 1e-30, maxit = 200)))
add("svyglm", MIcombine(g), "MIcombine(with(designs, svyglm(drinkreg~wave*sex, family=quasibinomial())))")
add("svyglm_dfc", MIcombine(g, df.complete = degf(designs$designs[[1]])), "MIcombine(g, df.complete=degf(design))")
con <- file("mi-expected.csv", "w")
writeLines("case,term,estimate,se,df,lower,upper,missinfo,call", con)
writeLines(paste0("# mitools ", packageVersion("mitools"), ", survey ", packageVersion("survey"), ", ", R.version.string,
                  "; make_mi_expected.R (this folder); format(x, digits=15); lower/upper = estimate -/+ qt(0.975, df) se (summary.MIresult); degf(design) = ",
                  degf(designs$designs[[1]])), con)
write.table(do.call(rbind, rows), con, sep = ",", row.names = FALSE, col.names = FALSE, quote = c(1, 2, 9))
close(con)
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
