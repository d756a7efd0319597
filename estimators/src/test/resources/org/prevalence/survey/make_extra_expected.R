## make_extra_expected.R -- extra R survey reference figures for org.prevalence.survey tests,
## for cases shared/refdata/survey/expected.csv does not cover (deff="replace", ratio deff,
## domain proportions and quantiles, two by-variables, Woodruff variants).
## Run: Rscript make_extra_expected.R DIR  (DIR holds apistrat.csv, apiclus1.csv, apiclus2.csv, apisrs.csv
## copied from shared/refdata/survey); writes extra-expected.csv. R 4.2.2 Patched, survey 4.1-1.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE); dir <- if (length(args)) args[1] else "."
rd <- function(f) { x <- read.csv(file.path(dir, f)); for (v in c("stype","sch.wide")) x[[v]] <- factor(x[[v]]); x }
apisrs <- rd("apisrs.csv"); apistrat <- rd("apistrat.csv"); apiclus1 <- rd("apiclus1.csv"); apiclus2 <- rd("apiclus2.csv")
options(survey.lonely.psu = "fail")
dsrs_w <- svydesign(id=~1, weights=~pw, data=apisrs)
dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
dclus2 <- svydesign(id=~dnum+snum, fpc=~fpc1+fpc2, data=apiclus2)
fmt <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "NA" else format(unname(x), digits = 10)
rows <- list()
add <- function(case, variable, domain, est, se, lo, hi, deff, df, statistic, call)
  rows[[length(rows) + 1]] <<- data.frame(case = case, variable = variable, domain = domain, estimate = fmt(est),
    se = fmt(se), lower = fmt(lo), upper = fmt(hi), deff = fmt(deff), df = df, statistic = statistic, call = call,
    stringsAsFactors = FALSE)
one <- function(case, call, statistic, variable, df = "Inf") {
  r <- eval(parse(text = call)); ci <- confint(r)
  d <- if (!is.null(attr(r, "deff"))) diag(as.matrix(attr(r, "deff")))[1] else NA
  add(case, variable, "NA", coef(r)[1], SE(r)[1], ci[1, 1], ci[1, 2], d, df, statistic, call)
}
for (dn in c("dsrs_w", "dstrat", "dclus1", "dclus2")) {
  one(paste0(dn, "_mean_api00_deffreplace"), sprintf('svymean(~api00, %s, deff="replace")', dn), "mean", "api00")
  one(paste0(dn, "_total_enroll_deffreplace"), sprintf('svytotal(~enroll, %s, na.rm=TRUE, deff="replace")', dn), "total", "enroll")
}
for (dn in c("dstrat", "dclus1", "dclus2")) {
  for (k in c("TRUE", '"replace"')) {
    call <- sprintf('svyratio(~api.stu, ~enroll, %s, na.rm=TRUE, deff=%s)', dn, k)
    r <- eval(parse(text = call)); ci <- confint(r)
    add(paste0(dn, "_ratio_deff", if (k == "TRUE") "" else "replace"), "api.stu/enroll", "NA", coef(r), SE(r),
        ci[1, 1], ci[1, 2], attr(r, "deff")[1, 1], "Inf", "ratio", call)
  }
}
for (m in c("logit", "likelihood", "beta", "mean")) {
  call <- sprintf('svyby(~I(sch.wide=="Yes"), ~stype, dclus1, svyciprop, method="%s", vartype="ci")', m)
  r <- eval(parse(text = call))
  for (i in seq_len(nrow(r))) {
    lev <- as.character(r$stype[i]); sub <- subset(dclus1, stype == lev)
    cp <- eval(parse(text = sprintf('svyciprop(~I(sch.wide=="Yes"), sub, method="%s")', m)))
    stopifnot(abs(coef(cp) - r[i, 2]) < 1e-12)
    add(paste0("dclus1_by_stype_ciprop_", m), "sch.wide=Yes", paste0("stype=", lev), coef(cp), SE(cp),
        confint(cp)[1], confint(cp)[2], NA, fmt(degf(sub)), paste0("ciprop_", m), call)
  }
}
for (it in c("mean", "beta", "xlogit", "asin")) {
  call <- sprintf('svyquantile(~api00, dclus1, 0.5, interval.type="%s")', it)
  r <- eval(parse(text = call))[[1]]
  add(paste0("dclus1_quantile_median_", it), "api00.0.5", "NA", r[1, 1], r[1, 4], r[1, 2], r[1, 3], NA,
      fmt(degf(dclus1)), "quantile", call)
}
for (lev in c("E", "H", "M")) {
  call <- sprintf('svyquantile(~api00, subset(dclus2, stype=="%s"), 0.5)', lev)
  r <- eval(parse(text = call))[[1]]
  add("dclus2_domain_quantile_median", "api00.0.5", paste0("stype=", lev), r[1, 1], r[1, 4], r[1, 2], r[1, 3], NA,
      fmt(degf(subset(dclus2, stype == lev))), "quantile", call)
}
call <- 'svyby(~api00, ~stype+sch.wide, dstrat, svymean, deff=TRUE)'
r <- eval(parse(text = call)); ci <- confint(r); dd <- deff(r)
for (i in seq_len(nrow(r)))
  add("dstrat_by_stype_schwide_mean_api00", "api00", paste0("stype=", r$stype[i], ",sch.wide=", r$sch.wide[i]),
      coef(r)[i], SE(r)[i], ci[i, 1], ci[i, 2], dd[i], "Inf", "mean", call)
out <- do.call(rbind, rows)
con <- file("extra-expected.csv", "w")
writeLines(paste(names(out), collapse = ","), con)
writeLines(c("# source: make_extra_expected.R (this folder), run on the api CSVs of shared/refdata/survey",
             "# R 4.2.2 Patched (2022-11-10 r83330), survey 4.1-1 (Debian bookworm r-cran-survey); format(x, digits=10)",
             "# deff column: deff=TRUE or deff=\"replace\" as the call says; df = degf of the (domain) design for svyciprop/svyquantile"), con)
write.table(out, con, sep = ",", row.names = FALSE, col.names = FALSE, quote = c(1, 2, 3, 10, 11), qmethod = "double")
close(con)
cat("rows:", nrow(out), "\n")
