package org.tomolyte.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void blockGridCoversTheVolumeExactlyOnce() {
        Dims d = new Dims(130, 70, 65);
        BlockGrid g = BlockGrid.of(d);
        assertEquals(3 * 2 * 2, g.count());
        long covered = 0;
        for (int i = 0; i < g.count(); i++) {
            covered += g.box(i).voxels();
        }
        assertEquals(d.voxels(), covered);
        assertEquals(new Box(128, 64, 64, 130, 70, 65), g.box(g.count() - 1));
        assertEquals(5, BlockGrid.slabs(d, 16).count());
    }

    @Test
    void floatSumsAreBitIdenticalForAnyThreadCount() {
        Dims d = new Dims(97, 61, 53);
        try (Volume v = Volume.allocate(d, DataType.F32, Spacing.UNIT)) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(42);
            for (long i = 0; i < v.voxels(); i++) {
                v.set(i, r.nextDouble() * 1e3);
            }
            double[] sums = new double[4];
            for (int t = 1; t <= 4; t++) {
                Parallel.setThreads(t);
                sums[t - 1] = VolumeStats.of(v).mean();
            }
            for (double s : sums) {
                assertEquals(Double.doubleToRawLongBits(sums[0]), Double.doubleToRawLongBits(s));
            }
        }
    }

    @Test
    void resultsComeBackInTaskOrderAndNestingWorks() {
        Parallel.setThreads(2);
        AtomicLong progress = new AtomicLong();
        Progress p = new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void advance(long units) {
                progress.addAndGet(units);
            }

            @Override
            public void done() {
            }
        };
        List<Integer> r = Parallel.map(100, i -> Parallel.map(3, j -> i * 3 + j).stream().mapToInt(Integer::intValue).sum(), p);
        for (int i = 0; i < 100; i++) {
            assertEquals(9 * i + 3, r.get(i));
        }
        assertEquals(100, progress.get());
    }

    @Test
    void theFirstFailureByIndexIsRethrownUnchanged() {
        Parallel.setThreads(2);
        ParameterException boom = new ParameterException("x must be > 0, got -1");
        ParameterException thrown = assertThrows(ParameterException.class, () -> Parallel.forEach(50, i -> {
            if (i == 7) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        assertThrows(ParameterException.class, () -> Parallel.setThreads(0));
    }
}
