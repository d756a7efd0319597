package org.prevalence.core.bootstrap;

/**
 * Receives progress reports while a {@link Bootstrap} or {@link Jackknife} runs, for example to draw
 * a progress bar (the library itself prints nothing).
 *
 * <p>It is called once after each completed replicate (successful or failed), from whichever
 * worker thread completed it, but never concurrently: calls are serialised, and {@code done}
 * increases by exactly one per call, from 1 to {@code total}. It should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param done  the number of replicates completed so far
     * @param total the number of replicates requested
     */
    void completed(int done, int total);
}
