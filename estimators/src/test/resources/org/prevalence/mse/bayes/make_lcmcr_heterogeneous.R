## Latent-class data with known N = 1000 (2 classes) and LCMCR 0.4.14's posterior on them.
## Rscript make_lcmcr_heterogeneous.R (R 4.2.2 Patched, LCMCR 0.4.14 installed from cran/LCMCR 4af4131 with GSL 2.7.1)
## LCMCR installed with R CMD INSTALL -l <R library> <cran/LCMCR source>; set lib.loc to that library
suppressPackageStartupMessages(library(LCMCR, lib.loc = Sys.getenv("LCMCR_LIB", .libPaths()[1])))
set.seed(5)
pi <- c(0.5, 0.5); lam <- rbind(c(0.45, 0.4, 0.5, 0.35, 0.45), c(0.2, 0.25, 0.22, 0.18, 0.2)); N <- 1000
tabs <- list(); res <- list()
for (d in 1:4) {
  z <- sample(1:2, N, TRUE, pi)
  X <- t(sapply(z, function(k) as.integer(runif(5) < lam[k, ])))
  X <- X[rowSums(X) > 0, ]
  key <- apply(X, 1, paste, collapse = "")
  tab <- table(key)
  pat <- do.call(rbind, lapply(strsplit(names(tab), ""), as.integer))
  df <- data.frame(dataset = sprintf("het%d", d), pat, count = as.integer(tab)); names(df) <- c("dataset","A","B","C","D","E","count")
  tabs[[d]] <- df
  M <- as.matrix(df[, -1])
  o <- lcmCR(M, tabular = TRUE, K = 10, a_alpha = 0.25, b_alpha = 0.25, buffer_size = 10000, thinning = 50, seed = d, verbose = FALSE)
  s <- lcmCR_PostSampl(o, burnin = 10000, samples = 2000, thinning = 50, output = FALSE)
  res[[d]] <- data.frame(dataset = sprintf("het%d", d), observed = nrow(X), median = median(s),
                         q0.025 = unname(quantile(s, .025)), q0.975 = unname(quantile(s, .975)), seed = d)
}
con <- file("lcmcr-heterogeneous-tables.csv", "w")
writeLines("dataset,A,B,C,D,E,count", con)
writeLines(c("# simulated by make_lcmcr_heterogeneous.R (this folder): N = 1000, two latent classes (weights 0.5, 0.5), capture probabilities (0.45, 0.4, 0.5, 0.35, 0.45) and (0.2, 0.25, 0.22, 0.18, 0.2), set.seed(5), R 4.2.2 Patched",
             "# one row per observed history of each data set: 0/1 list membership, then the count"), con)
write.table(do.call(rbind, tabs), con, sep = ",", quote = FALSE, row.names = FALSE, col.names = FALSE); close(con)
con <- file("lcmcr-heterogeneous-expected.csv", "w")
writeLines("dataset,observed,median,q0.025,q0.975,seed", con)
writeLines(c("# LCMCR 0.4.14 (cran/LCMCR 4af4131, GSL 2.7.1, R 4.2.2 Patched) on lcmcr-heterogeneous-tables.csv, by make_lcmcr_heterogeneous.R (this folder): true N = 1000",
             "# call: o <- lcmCR(X, tabular = TRUE, K = 10, a_alpha = 0.25, b_alpha = 0.25, buffer_size = 10000, thinning = 50, seed = seed); N <- lcmCR_PostSampl(o, burnin = 10000, samples = 2000, thinning = 50); median(N), quantile(N, c(0.025, 0.975)) (type 7)",
             "# one seed per data set: Monte Carlo error of the median about 1 % (as on US Western / New Orleans)"), con)
write.table(do.call(rbind, res), con, sep = ",", quote = FALSE, row.names = FALSE, col.names = FALSE); close(con)
