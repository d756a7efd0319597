package org.prevalence.core.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.prevalence.core.Checks;

/**
 * The library's one parallel loop: runs tasks {@code 0..n-1} on a given number of threads (the
 * calling thread and {@code threads - 1} pool threads created for this call and shut down before
 * it returns), handing out indices one at a time from a shared counter. Each worker gets its own
 * buffer (a workspace that is never shared between threads).
 *
 * <p><b>Determinism.</b> A task must depend only on its index (for random draws: on
 * {@link Bootstrap#generator(long, long) Bootstrap.generator(seed, index)}) and write its output
 * into index-addressed storage; then the outcome never depends on the thread count or the
 * schedule. Every configured class that runs in parallel takes {@code withThreads(int)} (0: all
 * available processors) and runs through this loop.
 *
 * <p>Usage:
 * <pre>{@code
 * double[] out = new double[n];
 * ParallelLoop.run(n, threads, i -> out[i] = f(i, Bootstrap.generator(seed, i)));
 * }</pre>
 *
 * <p>The first exception thrown by a task stops the loop (tasks not yet started are not run) and
 * is rethrown to the caller.
 */
public final class ParallelLoop {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    /**
     * One task of a loop with per-worker buffers.
     * @param <B> the buffer type
     */
    @FunctionalInterface
    public interface Task<B> {
        /**
         * @param index the task index, 0-based
         * @param buffer this worker's buffer
         */
        void run(int index, B buffer);
    }

    private ParallelLoop() {
    }

    /**
     * @param threads a thread count, {@code >= 0}
     * @return {@code threads}, or the number of available processors if it is 0
     */
    public static int effectiveThreads(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code task(i)} for {@code i = 0..n-1}.
     * @param n the number of tasks, {@code >= 0}
     * @param threads the number of threads, {@code >= 1}, or 0 for the available processors
     * @param task the task
     * @throws org.prevalence.core.PrevalenceException if {@code n} or {@code threads} is negative
     */
    public static void run(int n, int threads, IntConsumer task) {
        run(n, threads, () -> null, (i, unused) -> task.accept(i), null);
    }

    /**
     * Runs {@code task(i, buffer)} for {@code i = 0..n-1}, each worker with its own buffer.
     * @param n the number of tasks, {@code >= 0}
     * @param threads the number of threads, {@code >= 1}, or 0 for the available processors
     * @param buffers makes one buffer per worker (called on the worker's thread)
     * @param task the task
     * @param progress called (serialised) after each completed task, or null
     * @param <B> the buffer type
     * @throws org.prevalence.core.PrevalenceException if {@code n} or {@code threads} is negative
     */
    public static <B> void run(int n, int threads, Supplier<B> buffers, Task<B> task, ProgressListener progress) {
        Checks.atLeast("tasks", n, 0);
        Checks.atLeast("threads", threads, 0);
        int t = Math.min(effectiveThreads(threads), Math.max(1, n));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Object lock = new Object();
        int[] done = new int[1];
        Runnable worker = () -> {
            B buffer = buffers.get();
            while (error.get() == null) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    break;
                }
                try {
                    task.run(i, buffer);
                } catch (RuntimeException | Error e) {
                    error.compareAndSet(null, e);
                    break;
                }
                if (progress != null) {
                    synchronized (lock) {
                        progress.completed(++done[0], n);
                    }
                }
            }
        };
        if (t == 1) {
            worker.run();
        } else {
            runPooled(t, worker, error);
        }
        rethrow(error.get());
    }

    /** Runs the worker on the calling thread and on t - 1 threads of a pool that is shut down before returning. */
    private static void runPooled(int t, Runnable worker, AtomicReference<Throwable> error) {
        int id = POOL_NUMBER.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread th = new Thread(r, "prevalence-loop-" + id + "-" + threadNumber.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
        ExecutorService pool = Executors.newFixedThreadPool(t - 1, factory);
        try {
            List<Future<?>> futures = new ArrayList<>(t - 1);
            for (int k = 0; k < t - 1; k++) {
                futures.add(pool.submit(worker));
            }
            worker.run();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    error.compareAndSet(null, e.getCause());
                } catch (InterruptedException e) {
                    error.compareAndSet(null, new CancellationException("parallel loop interrupted"));
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }
}
