package org.prevalence.regional;

/** The region terms of the {@link ImputationModel}. */
public enum RegionEffects {
    /**
     * One fixed effect (intercept) per region, as in the Global Estimates' regional models; every
     * region with a country to impute needs at least one surveyed country.
     */
    FIXED,
    /** A single intercept shared by all regions (the covariates alone carry regional differences). */
    NONE
}
