# Linkage averaging reference: verdata::combine_estimates's rule (log unobserved, W + (1+1/S) B, t df),
# with the within variance (SE/n0)^2 for each estimate
N <- c(150, 170, 162); nobs <- c(100, 100, 104); se <- c(10, 20, 15); S <- length(N)
n0 <- N - nobs; u <- log(n0)
W <- mean((se / n0)^2); B <- var(u); Tt <- W + (1 + 1/S) * B
nu <- (S - 1) * (1 + 1 / (S + 1) * W / B)^2
q <- abs(qt(0.025, nu))
lo <- mean(nobs) + exp(mean(u) - q * sqrt(Tt)); hi <- mean(nobs) + exp(mean(u) + q * sqrt(Tt))
seN <- sqrt(mean(se^2) + (1 + 1/S) * var(N))
print(c(mean(N), W, B, nu, lo, hi, seN), digits = 15)
