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
import java.util.function.Supplier;

/**
 * Runs tasks {@code 0..n-1} on a fixed number of threads (the calling thread and
 * {@code threads - 1} pool threads created for this call), handing out indices one at a time
 * from a shared counter. Each worker gets its own buffer. Results are written by the task into
 * index-addressed arrays, so the outcome never depends on the thread count or the schedule.
 */
final class ParallelLoop {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    /** One task. */
    interface Task<B> {
        void run(int index, B buffer);
    }

    private ParallelLoop() {
    }

    /** @return the effective thread count: {@code threads}, or the available processors if 0 */
    static int effectiveThreads(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param n the number of tasks
     * @param threads the number of threads (0: available processors)
     * @param buffers makes one buffer per worker
     * @param task the task
     * @param progress called (serialised) after each task, or null
     */
    static <B> void run(int n, int threads, Supplier<B> buffers, Task<B> task, ProgressListener progress) {
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
            int id = POOL_NUMBER.incrementAndGet();
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread th = new Thread(r, "prevalence-bootstrap-" + id + "-" + threadNumber.incrementAndGet());
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
                        error.compareAndSet(null, new CancellationException("bootstrap interrupted"));
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Throwable e = error.get();
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
