# svychisq on replicate-weight designs (survey's svychisq.svyrep.design): the cell-proportion (Rao-Scott)
# or total (Wald) covariance from the replicates. Same R, data and designs as make_glm_expected.R.
# Run: Rscript make_chisq_replicate_expected.R  (writes chisq-replicate-expected.csv here)
suppressMessages(library(survey))
api_dir <- Sys.getenv("API_DIR", "../replicate")
apistrat <- read.csv(file.path(api_dir, "apistrat.csv"), comment.char = "#", stringsAsFactors = TRUE)
apiclus1 <- read.csv(file.path(api_dir, "apiclus1.csv"), comment.char = "#", stringsAsFactors = TRUE)
dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat)
dclus1 <- svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=apiclus1)
designs <- list(dclus1jk = as.svrepdesign(dclus1, type="JK1"),
                dclus1jk_mse = as.svrepdesign(dclus1, type="JK1", mse=TRUE),
                djkn = as.svrepdesign(dstrat, type="JKn"))
calls <- c(dclus1jk = 'as.svrepdesign(dclus1, type="JK1")', dclus1jk_mse = 'as.svrepdesign(dclus1, type="JK1", mse=TRUE)',
           djkn = 'as.svrepdesign(dstrat, type="JKn")')
f15 <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "NA" else format(unname(x), digits = 15)
rows <- list()
for (nm in names(designs)) for (st in c("F", "Chisq", "Wald", "adjWald")) {
  r <- svychisq(~sch.wide+stype, designs[[nm]], statistic=st)
  rows[[length(rows) + 1]] <- data.frame(case = paste(nm, st), design = nm, test = st, statistic = f15(r$statistic),
    df1 = f15(r$parameter[1]), df2 = if (length(r$parameter) >= 2) f15(r$parameter[2]) else "NA", p = f15(r$p.value),
    call = paste0("svychisq(~sch.wide+stype, ", calls[[nm]], ", statistic='", st, "')"))
}
con <- file("chisq-replicate-expected.csv", "w")
writeLines("case,design,test,statistic,df1,df2,p,call", con)
writeLines("# R survey 4.1.1 on R 4.2.2; make_chisq_replicate_expected.R (this folder); format(x, digits=15)", con)
write.table(do.call(rbind, rows), con, sep = ",", row.names = FALSE, col.names = FALSE, quote = c(1, 8))
close(con)
