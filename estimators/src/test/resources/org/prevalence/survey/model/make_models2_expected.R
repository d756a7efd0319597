# Reference figures for the second part of org.prevalence.survey.model: regTermTest(method="LRT"),
# anova between nested svyglm models, predict.svyglm, nonlinear svycontrast, svypredmeans, svyranktest.
# Run: Rscript make_models2_expected.R  (writes tests2-expected.csv, predict-expected.csv,
# nlcontrast-expected.csv, predmeans-expected.csv and sessionInfo2.txt here). R survey 4.1.1.
suppressMessages(library(survey))
api_dir <- Sys.getenv("API_DIR", "../replicate")
apistrat <- read.csv(file.path(api_dir, "apistrat.csv"), comment.char = "#", stringsAsFactors = TRUE)
apiclus1 <- read.csv(file.path(api_dir, "apiclus1.csv"), comment.char = "#", stringsAsFactors = TRUE)
dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
f10 <- function(x) format(x, digits=15)
# IRLS to its limit, as make_glm_expected.R (R's default epsilon=1e-8 stops ~1e-6 short)
ctl <- glm.control(epsilon=1e-30, maxit=200)
sw <- suppressWarnings
dclus1_qbin <- sw(svyglm(sch.wide ~ ell + meals + stype, design=dclus1, family=quasibinomial(), control=ctl))
dclus1_qbin_small <- sw(svyglm(sch.wide ~ ell, design=dclus1, family=quasibinomial(), control=ctl))
dstrat_gauss <- sw(svyglm(api00 ~ ell + meals + mobility + stype, design=dstrat, family=gaussian(), control=ctl))
dstrat_gauss_small <- sw(svyglm(api00 ~ ell + meals, design=dstrat, family=gaussian(), control=ctl))
dstrat_qbin <- sw(svyglm(sch.wide ~ ell + meals + stype, design=dstrat, family=quasibinomial(), control=ctl))
dclus1_gauss <- sw(svyglm(api00 ~ ell + meals + stype + ell:stype, design=dclus1, family=gaussian(), control=ctl))
dclus1_qpois <- sw(svyglm(api.stu ~ ell + meals + stype + offset(log(enroll)), design=dclus1, family=quasipoisson(), control=ctl))

trows <- list()
tadd <- function(case, call, test, statistic, df1, df2, p, method) {
  trows[[length(trows)+1]] <<- data.frame(case=case, call=call, test=test, statistic=f10(unname(statistic)),
     df1=f10(unname(df1)), df2=f10(unname(df2)), p=f10(unname(p)), method=method)
}
lrt <- function(case, call) {
  r <- suppressWarnings(eval(parse(text=call)))
  if (inherits(r, "regTermTestLRT")) {
    tadd(case, call, "LRT", r$chisq, r$df, r$ddf, r$p, paste("lambda", paste(f10(r$lambda), collapse=";")))
  } else if (inherits(r, "regTermTestWW")) {
    tadd(case, call, "WorkingWald", r$chisq, r$df, r$ddf, r$p, paste("lambda", paste(f10(r$lambda), collapse=";")))
  } else if (!is.null(r$Ftest)) {
    tadd(case, call, "Wald", r$Ftest, r$df, r$ddf, r$p, "Wald F")
  } else {
    tadd(case, call, "Wald", r$chisq, r$df, Inf, r$p, "Wald Chisq")
  }
}
lrt("lrt_clus_stype", "regTermTest(dclus1_qbin, ~stype, method='LRT')")
lrt("lrt_clus_ellmeals", "regTermTest(dclus1_qbin, ~ell+meals, method='LRT')")
lrt("lrt_clus_meals", "regTermTest(dclus1_qbin, ~meals, method='LRT')")
lrt("lrt_clus_gauss_inter", "regTermTest(dclus1_gauss, ~ell:stype, method='LRT')")
lrt("lrt_clus_qpois_stype", "regTermTest(dclus1_qpois, ~stype, method='LRT')")
lrt("lrt_strat_gauss_stype", "regTermTest(dstrat_gauss, ~stype, method='LRT')")
lrt("lrt_strat_qbin_stype", "regTermTest(dstrat_qbin, ~stype, method='LRT')")
lrt("lrt_strat_gauss_chisq", "regTermTest(dstrat_gauss, ~stype+mobility, method='LRT', df=Inf)")
lrt("ww_clus_stype", "regTermTest(dclus1_qbin, ~stype, method='WorkingWald')")
lrt("anova_clus_lrt", "anova(dclus1_qbin_small, dclus1_qbin)")
lrt("anova_clus_wald", "anova(dclus1_qbin_small, dclus1_qbin, method='Wald')")
lrt("anova_clus_lrt_chisq", "anova(dclus1_qbin, dclus1_qbin_small, test='Chisq')")
lrt("anova_clus_wald_chisq", "anova(dclus1_qbin_small, dclus1_qbin, method='Wald', test='Chisq')")
lrt("anova_strat_lrt", "anova(dstrat_gauss_small, dstrat_gauss)")
lrt("anova_strat_wald", "anova(dstrat_gauss_small, dstrat_gauss, method='Wald')")
rk <- function(case, call) {
  r <- eval(parse(text=call))
  if (!is.null(r$ddf)) { # multiranktest: R stores chisq in $parameter and its df in $statistic
    tadd(case, call, "Chisq", r$parameter, r$statistic, r$ddf, r$p.value, r$method)
  } else {
    tadd(case, call, "t", r$statistic, NA, r$parameter, r$p.value, paste(r$method, "estimate", f10(unname(r$estimate))))
  }
}
rk("rank_clus_wilcoxon", "svyranktest(ell ~ comp.imp, dclus1)")
rk("rank_strat_wilcoxon", "svyranktest(ell ~ comp.imp, dstrat)")
rk("rank_strat_api_wilcoxon", "svyranktest(api00 ~ sch.wide, dstrat)")
rk("rank_clus_vdw", "svyranktest(ell ~ comp.imp, dclus1, test='vanderWaerden')")
rk("rank_clus_median", "svyranktest(ell ~ comp.imp, dclus1, test='median')")
rk("rank_clus_kw", "svyranktest(ell ~ stype, dclus1)")
rk("rank_strat_kw", "svyranktest(ell ~ stype, dstrat, test='KruskalWallis')")
write.csv(do.call(rbind, trows), "tests2-expected.csv", row.names=FALSE)

# predictions with delta-method SEs, on the first 12 rows of apiclus1 and of apistrat
prows <- list()
padd <- function(case, model, newdata, call) {
  for (type in c("link", "response")) {
    p <- eval(parse(text=sub("TYPE", type, call)))
    for (i in seq_along(p)) {
      prows[[length(prows)+1]] <<- data.frame(case=case, model=model, newdata=newdata, type=type, row=i,
        call=sub("TYPE", type, call), estimate=f10(unname(coef(p))[i]), se=f10(unname(SE(p))[i]))
    }
  }
}
padd("pred_clus_qbin", "dclus1_qbin", "apiclus1[1:12,]", "predict(dclus1_qbin, newdata=apiclus1[1:12,], type='TYPE')")
padd("pred_strat_gauss", "dstrat_gauss", "apistrat[1:12,]", "predict(dstrat_gauss, newdata=apistrat[1:12,], type='TYPE')")
padd("pred_clus_qpois", "dclus1_qpois", "apiclus1[1:12,]", "predict(dclus1_qpois, newdata=apiclus1[1:12,], type='TYPE')")
write.csv(do.call(rbind, prows), "predict-expected.csv", row.names=FALSE)

# nonlinear contrasts (delta method with R's deriv())
crows <- list()
cadd <- function(case, model, expr) {
  r <- eval(parse(text=paste0("svycontrast(", model, ", quote(", expr, "))")))
  crows[[length(crows)+1]] <<- data.frame(case=case, model=model, call=paste0("svycontrast(", model, ", quote(", expr, "))"),
    expr=expr, estimate=f10(unname(coef(r))), se=f10(unname(SE(r))))
}
cadd("nl_ratio", "dclus1_qbin", "stypeH/stypeM")
cadd("nl_logdiff", "dclus1_qbin", "log(-stypeH) - log(-stypeM)")
cadd("nl_expdiff", "dclus1_qbin", "exp(stypeH) - exp(stypeM)")
cadd("nl_mixed", "dclus1_qbin", "ell/(ell - meals) + sqrt(ell^2 + 1) * 2")
cadd("nl_intercept", "dclus1_qbin", "exp(`(Intercept)` + 20*ell)/(1 + exp(`(Intercept)` + 20*ell))")
cadd("nl_strat_ratio", "dstrat_gauss", "mobility/ell")
cadd("nl_strat_logratio", "dstrat_gauss", "log(stypeH/stypeM)")
write.csv(do.call(rbind, crows), "nlcontrast-expected.csv", row.names=FALSE)

# predictive margins
mrows <- list()
madd <- function(case, call) {
  r <- suppressWarnings(eval(parse(text=call)))
  for (j in seq_along(r)) {
    mrows[[length(mrows)+1]] <<- data.frame(case=case, call=call, group=names(r)[j], estimate=f10(unname(coef(r))[j]),
      se=f10(unname(SE(r))[j]))
  }
}
madd("pm_clus_gauss", "svypredmeans(svyglm(api00 ~ ell + mobility, design=dclus1, family=gaussian(), control=ctl), ~stype)")
madd("pm_clus_qbin", "svypredmeans(svyglm(sch.wide ~ ell + meals, design=dclus1, family=quasibinomial(), control=ctl), ~stype)")
madd("pm_strat_qbin", "svypredmeans(svyglm(sch.wide ~ ell + meals, design=dstrat, family=quasibinomial(), control=ctl), ~comp.imp)")
write.csv(do.call(rbind, mrows), "predmeans-expected.csv", row.names=FALSE)
writeLines(capture.output(sessionInfo()), "sessionInfo2.txt")
