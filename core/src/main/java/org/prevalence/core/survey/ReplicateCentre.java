package org.prevalence.core.survey;

/** What replicate estimates are centred on, as R {@code svrepdesign(mse=)}. */
public enum ReplicateCentre {
    /** The mean of the replicate estimates ({@code mse=FALSE}, R's default). */
    REPLICATE_MEAN,
    /** The full-sample estimate ({@code mse=TRUE}). */
    FULL_SAMPLE
}
