package org.prevalence.regional;

/**
 * How the stratified bootstrap over cases draws a replicate within each stratum (or pool of strata).
 */
public enum BootstrapScheme {
    /**
     * The pseudo-population bootstrap of Buckland and Garthwaite (1991): the stratum's universe of
     * \( M = \mathrm{round}(\hat N) \) cases holds the \( n \) observed cases and \( M - n \) unseen
     * ones; a replicate draws \( M \) cases from it with replacement, so the number observed is
     * \( n^* \sim \mathrm{Binomial}(M, n/M) \) and the observed ones are \( n^* \) draws with
     * replacement from the observed cases. It keeps the sampling variation of the observed count,
     * which the unconditional variance of \( \hat N \) includes (the default).
     * <p>Buckland, S.T. and Garthwaite, P.H. (1991). Quantifying precision of mark-recapture
     * estimates using the bootstrap and related methods. Biometrics 47, 255-268.
     * doi:10.2307/2532510
     */
    POPULATION,
    /**
     * The conditional bootstrap: the \( n \) observed cases of each stratum are drawn with
     * replacement (a multinomial draw of the capture histories with the observed total fixed, as
     * SparseMSE); it omits the variation of \( n \) and so gives narrower intervals.
     */
    CASES
}
