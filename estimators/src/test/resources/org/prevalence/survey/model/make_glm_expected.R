# Reference figures for org.prevalence.survey.model (SurveyGlm, SurveyTests): R survey on the api data.
# Run: Rscript make_glm_expected.R  (writes glm-expected.csv, tests-expected.csv, sessionInfo.txt here)
suppressMessages(library(survey))
api_dir <- Sys.getenv("API_DIR", "../replicate")
apistrat <- read.csv(file.path(api_dir, "apistrat.csv"), comment.char = "#", stringsAsFactors = TRUE)
apiclus1 <- read.csv(file.path(api_dir, "apiclus1.csv"), comment.char = "#", stringsAsFactors = TRUE)
dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
djkn <- as.svrepdesign(dstrat, type="JKn")
dclus1jk <- as.svrepdesign(dclus1, type="JK1")
f10 <- function(x) format(x, digits=15)
rows <- list()
add <- function(case, design, call, m) {
  s <- summary(m)$coefficients
  ci <- confint(m)
  for (j in seq_len(nrow(s))) {
    rows[[length(rows)+1]] <<- data.frame(case=case, design=design, call=call, term=rownames(s)[j],
      estimate=f10(s[j,1]), se=f10(s[j,2]), statistic=f10(s[j,3]), p=f10(s[j,4]),
      lower=f10(ci[j,1]), upper=f10(ci[j,2]), df=m$df.residual)
  }
}
cases <- list(
  list("dstrat_gauss", "dstrat", "svyglm(api00 ~ ell + meals + mobility + stype, design=dstrat)"),
  list("dstrat_qbin", "dstrat", "svyglm(sch.wide ~ ell + meals + stype, design=dstrat, family=quasibinomial())"),
  list("dstrat_bin", "dstrat", "svyglm(sch.wide ~ ell + meals + stype, design=dstrat, family=binomial())"),
  list("dclus1_gauss", "dclus1", "svyglm(api00 ~ ell + meals + stype + ell:stype, design=dclus1)"),
  list("dclus1_qbin", "dclus1", "svyglm(sch.wide ~ ell + meals + stype, design=dclus1, family=quasibinomial())"),
  list("dclus1_probit", "dclus1", "svyglm(sch.wide ~ ell + meals, design=dclus1, family=quasibinomial(link='probit'))"),
  list("dclus1_cloglog", "dclus1", "svyglm(sch.wide ~ ell + meals, design=dclus1, family=quasibinomial(link='cloglog'))"),
  list("dclus1_qpois_offset", "dclus1", "svyglm(api.stu ~ ell + meals + stype + offset(log(enroll)), design=dclus1, family=quasipoisson())"),
  list("dstrat_pois", "dstrat", "svyglm(api.stu ~ ell + meals, design=dstrat, family=poisson())"),
  list("dstrat_nointercept", "dstrat", "svyglm(api00 ~ 0 + ell + meals + stype, design=dstrat)"),
  list("dclus1_na_qbin", "dclus1", "svyglm(sch.wide ~ avg.ed + meals, design=dclus1, family=quasibinomial())"),
  list("dstrat_na_gauss", "dstrat", "svyglm(api00 ~ acs.46 + stype, design=dstrat)"),
  list("djkn_gauss", "djkn", "svyglm(api00 ~ ell + meals + mobility + stype, design=djkn)"),
  list("djkn_qbin", "djkn", "svyglm(sch.wide ~ ell + meals + stype, design=djkn, family=quasibinomial())"),
  list("dclus1jk_qbin", "dclus1jk", "svyglm(sch.wide ~ ell + meals, design=dclus1jk, family=quasibinomial())")
)
# R's default glm.control(epsilon=1e-8) stops IRLS when the relative deviance change is below 1e-8,
# which leaves non-Gaussian coefficients and SEs off their limit by up to ~1e-5 relative (Fisher
# scoring converges only linearly for probit and cloglog). The reference figures are therefore the
# limit: glm.control(epsilon=1e-30, maxit=200) makes glm.fit (and every replicate refit, which uses
# the same control) run 200 IRLS steps, far past convergence to rounding; R then warns "algorithm did
# not converge" only because a relative change of 1e-30 cannot be seen. The default-control
# estimate and SE are kept beside them (default_estimate, default_se) to show the difference.
tight <- function(call) sub("\\)$", ", control=glm.control(epsilon=1e-30, maxit=200))", call)
models <- list()
for (cc in cases) {
  m <- suppressWarnings(eval(parse(text=tight(cc[[3]]))))
  m0 <- suppressWarnings(eval(parse(text=cc[[3]])))
  models[[cc[[1]]]] <- m
  n0 <- length(rows)
  add(cc[[1]], cc[[2]], tight(cc[[3]]), m)
  s0 <- summary(m0)$coefficients
  for (j in seq_len(nrow(s0))) {
    rows[[n0 + j]]$default_estimate <- f10(s0[j, 1])
    rows[[n0 + j]]$default_se <- f10(s0[j, 2])
  }
}
write.csv(do.call(rbind, rows), "glm-expected.csv", row.names=FALSE)

# tests
trows <- list()
tadd <- function(case, call, test, statistic, df1, df2, p, method) {
  trows[[length(trows)+1]] <<- data.frame(case=case, call=call, test=test, statistic=f10(statistic),
     df1=f10(df1), df2=f10(df2), p=f10(p), method=method)
}
m <- models[["dclus1_qbin"]]
r <- regTermTest(m, ~stype); tadd("rtt_wald_stype", "regTermTest(dclus1_qbin, ~stype)", "Wald", r$Ftest, r$df, r$ddf, r$p, "Wald F")
r <- regTermTest(m, ~ell+meals); tadd("rtt_wald_ellmeals", "regTermTest(dclus1_qbin, ~ell+meals)", "Wald", r$Ftest, r$df, r$ddf, r$p, "Wald F")
r <- regTermTest(m, ~stype, method="LRT"); tadd("rtt_lrt_stype", "regTermTest(dclus1_qbin, ~stype, method='LRT')", "LRT", r$chisq, r$df, r$ddf, r$p, paste("working LRT lambda", paste(f10(r$lambda), collapse=";")))
r <- regTermTest(models[["dstrat_gauss"]], ~stype); tadd("rtt_wald_dstrat_gauss_stype", "regTermTest(dstrat_gauss, ~stype)", "Wald", r$Ftest, r$df, r$ddf, r$p, "Wald F")
r <- regTermTest(models[["djkn_gauss"]], ~stype); tadd("rtt_wald_djkn_gauss_stype", "regTermTest(djkn_gauss, ~stype)", "Wald", r$Ftest, r$df, r$ddf, r$p, "Wald F")
for (st in c("F", "Chisq", "Wald", "adjWald", "lincom", "saddlepoint")) {
  r <- svychisq(~sch.wide+stype, dclus1, statistic=st)
  tadd(paste0("chisq_", st), paste0("svychisq(~sch.wide+stype, dclus1, statistic='", st, "')"), st,
       r$statistic, if (length(r$parameter) >= 1) r$parameter[1] else NA, if (length(r$parameter) >= 2) r$parameter[2] else NA, r$p.value, r$method)
}
r <- svychisq(~sch.wide+stype, dstrat, statistic="F"); tadd("chisq_F_dstrat", "svychisq(~sch.wide+stype, dstrat)", "F", r$statistic, r$parameter[1], r$parameter[2], r$p.value, r$method)
r <- svyttest(api00~sch.wide, dclus1); tadd("ttest_dclus1", "svyttest(api00~sch.wide, dclus1)", "t", r$statistic, NA, r$parameter, r$p.value, paste(r$method, "estimate", f10(r$estimate)))
r <- svyttest(api00~sch.wide, dstrat); tadd("ttest_dstrat", "svyttest(api00~sch.wide, dstrat)", "t", r$statistic, NA, r$parameter, r$p.value, paste(r$method, "estimate", f10(r$estimate)))
r <- svyttest(api00~1, dclus1); tadd("ttest1_dclus1", "svyttest(api00~1, dclus1)", "t", r$statistic, NA, r$parameter, r$p.value, paste(r$method, "estimate", f10(r$estimate)))
write.csv(do.call(rbind, trows), "tests-expected.csv", row.names=FALSE)
# linear contrasts of svyglm coefficients (svycontrast on the design-based vcov)
crows <- list()
cadd <- function(case, model, expr, w) {
  full <- setNames(rep(0, length(coef(models[[model]]))), names(coef(models[[model]])))
  full[names(w)] <- w  # a full-length vector (svycontrast on a svrepglm needs one)
  r <- svycontrast(models[[model]], full)
  crows[[length(crows)+1]] <<- data.frame(case=case, model=model, call=paste0("svycontrast(", model, ", ", expr, ")"),
    weights=paste(names(w), w, sep="=", collapse=";"), estimate=f10(unname(coef(r))), se=f10(unname(SE(r))))
}
cadd("contr_HminusM", "dclus1_qbin", "c(stypeH=1, stypeM=-1)", c(stypeH=1, stypeM=-1))
cadd("contr_pred", "dclus1_qbin", "c('(Intercept)'=1, ell=20, meals=50, stypeM=1)", c("(Intercept)"=1, ell=20, meals=50, stypeM=1))
cadd("contr_dstrat", "dstrat_gauss", "c(stypeH=0.5, stypeM=0.5, mobility=-2)", c(stypeH=0.5, stypeM=0.5, mobility=-2))
write.csv(do.call(rbind, crows), "contrast-expected.csv", row.names=FALSE)
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
