# Generator of rcapture-bc-expected.csv, rcapture-nbcap-expected.csv and capture-frequencies.csv (R 4.2.2, Rcapture 1.4-4 from github cran/Rcapture b536c82).
.libPaths(c("/tmp/closed-rlib", .libPaths())); suppressMessages(library(Rcapture))
f10 <- function(x) format(x, digits = 10)
out <- c()
for (tb in c("uk2013_5lists","us_western_site_5lists","neworleans_5lists","netherlands2010_2015_5lists")) {
X <- as.matrix(read.csv(paste0("/work/shared/refdata/published-lists/", tb, ".csv")))
t <- ncol(X)-1
# bias-corrected
for (spec in list(list("M0",NULL),list("Mt",NULL),list("Mh","Chao"),list("Mh","Poisson"),list("Mh","Darroch"),list("Mh","Gamma"),list("Mth","Chao"),list("Mth","Poisson"),list("Mth","Darroch"))) {
  r <- suppressWarnings(if (is.null(spec[[2]])) closedp.bc(X, dfreq=TRUE, m=spec[[1]]) else closedp.bc(X, dfreq=TRUE, m=spec[[1]], h=spec[[2]]))
  out <- c(out, paste("bc", tb, spec[[1]], if (is.null(spec[[2]])) "" else spec[[2]], f10(r$results[1,1]), f10(r$results[1,2]), r$results[1,3], sep=","))
}
# frequencies input
fi <- tapply(X[,t+1], rowSums(X[,1:t]), sum); f <- rep(0,t); f[as.numeric(names(fi))] <- fi
Xf <- cbind(1:t, f)
r <- suppressWarnings(closedp.0(Xf, dfreq=TRUE, dtype="nbcap", t=t))
for (m in rownames(r$results)) out <- c(out, paste("nbcap", tb, m, "", paste(sapply(r$results[m,], f10), collapse=","), sep=","))
out <- c(out, paste("freq", tb, paste(f, collapse=" "), sep=","))
}
writeLines(out)

# closedpCI.0 references (rcapture-nbcap-ci-expected.csv):
.libPaths(c("/tmp/closed-rlib", .libPaths())); suppressMessages(library(Rcapture))
f10 <- function(x) format(x, digits = 10)
for (tb in c("uk2013_5lists","us_western_site_5lists","netherlands2010_2015_5lists")) {
X <- as.matrix(read.csv(paste0("/work/shared/refdata/published-lists/", tb, ".csv"))); t <- ncol(X)-1
fi <- tapply(X[,t+1], rowSums(X[,1:t]), sum); f <- rep(0,t); f[as.numeric(names(fi))] <- fi
Xf <- cbind(1:t, f)
for (spec in list(list("M0",NULL), list("Mh","Chao"), list("Mh","Darroch"))) {
 r <- suppressWarnings(if (is.null(spec[[2]])) closedpCI.0(Xf, dfreq=TRUE, dtype="nbcap", t=t, m=spec[[1]]) else closedpCI.0(Xf, dfreq=TRUE, dtype="nbcap", t=t, m=spec[[1]], h=spec[[2]]))
 cat(paste(tb, rownames(r$CI)[1], paste(sapply(r$CI[1,], f10), collapse=","), sep=","), "\n")
}}
