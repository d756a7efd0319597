package org.prevalence.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;

/** ParallelLoop: every index once, identical output for any thread count, errors rethrown, pool closed. */
class ParallelLoopTest {
    private static double[] draws(int threads) {
        double[] out = new double[500];
        ParallelLoop.run(out.length, threads, i -> {
            double s = 0;
            var g = Bootstrap.generator(Bootstrap.DEFAULT_SEED, i);
            for (int k = 0; k < 100; k++) {
                s += g.nextDouble();
            }
            out[i] = s;
        });
        return out;
    }

    @Test
    void sameOutputForOneTwoFourAndAllThreads() {
        double[] one = draws(1);
        assertArrayEquals(one, draws(2));
        assertArrayEquals(one, draws(4));
        assertArrayEquals(one, draws(0));
    }

    @Test
    void everyIndexRunsOnceWithOneBufferPerWorker() {
        int n = 1000;
        AtomicInteger[] hits = new AtomicInteger[n];
        for (int i = 0; i < n; i++) {
            hits[i] = new AtomicInteger();
        }
        Set<int[]> buffers = ConcurrentHashMap.newKeySet();
        AtomicInteger progressCalls = new AtomicInteger();
        ParallelLoop.run(n, 3, () -> {
            int[] b = new int[1];
            buffers.add(b);
            return b;
        }, (i, b) -> {
            b[0]++;
            hits[i].incrementAndGet();
        }, (done, total) -> {
            assertEquals(n, total);
            progressCalls.incrementAndGet();
        });
        for (AtomicInteger h : hits) {
            assertEquals(1, h.get());
        }
        assertTrue(buffers.size() >= 1 && buffers.size() <= 3);
        assertEquals(n, buffers.stream().mapToInt(b -> b[0]).sum());
        assertEquals(n, progressCalls.get());
    }

    @Test
    void firstErrorIsRethrownAndNoThreadIsLeft() {
        PrevalenceException e = PrevalenceException.notEstimable("task 7", "task %d fails", 7);
        PrevalenceException thrown = assertThrows(PrevalenceException.class, () -> ParallelLoop.run(50, 4, i -> {
            if (i == 7) {
                throw e;
            }
        }));
        assertSame(e, thrown);
        long alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("prevalence-loop-") && t.isAlive()).count();
        // shutdownNow was called; give the idle workers a moment to exit
        for (int k = 0; k < 50 && alive > 0; k++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("prevalence-loop-") && t.isAlive()).count();
        }
        assertEquals(0, alive);
    }

    @Test
    void zeroTasksAndBadArguments() {
        ParallelLoop.run(0, 4, i -> {
            throw new AssertionError("no task");
        });
        assertThrows(PrevalenceException.class, () -> ParallelLoop.run(-1, 1, i -> { }));
        assertThrows(PrevalenceException.class, () -> ParallelLoop.run(1, -1, i -> { }));
        assertEquals(Runtime.getRuntime().availableProcessors(), ParallelLoop.effectiveThreads(0));
        assertEquals(3, ParallelLoop.effectiveThreads(3));
    }
}
