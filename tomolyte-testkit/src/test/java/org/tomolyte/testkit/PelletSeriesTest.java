package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

class PelletSeriesTest {

    private static void close(List<PelletSeries.Step> steps) {
        steps.forEach(PelletSeries.Step::close);
    }

    /** 26-connected components of the voxels labelled {@code value}, by flood fill. */
    static int components(Volume labels, int value) {
        Dims d = labels.dims();
        boolean[] seen = new boolean[(int) labels.voxels()];
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] || labels.getInt(i) != value) {
                continue;
            }
            count++;
            seen[i] = true;
            queue.add(i);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % d.nx();
                int y = p / d.nx() % d.ny();
                int z = p / (d.nx() * d.ny());
                for (int k = 0; k < 27; k++) {
                    int xx = x + k % 3 - 1;
                    int yy = y + k / 3 % 3 - 1;
                    int zz = z + k / 9 - 1;
                    if (d.contains(xx, yy, zz)) {
                        int q = (int) d.index(xx, yy, zz);
                        if (!seen[q] && labels.getInt(q) == value) {
                            seen[q] = true;
                            queue.add(q);
                        }
                    }
                }
            }
        }
        return count;
    }

    @Test
    void defaultSeriesTruthMatchesRecountAndGrows() {
        long t0 = System.nanoTime();
        List<PelletSeries.Step> steps = Phantoms.pelletSeries(7, 4);
        System.out.printf("pellet series: 4 steps in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            assertEquals(4, steps.size());
            long prevCrack = -1;
            int prevCount = -1;
            long pores = -1;
            for (PelletSeries.Step s : steps) {
                PelletSeries.StepTruth t = s.truth();
                long[] h = Recount.histogram(s.labels(), 4);
                assertEquals(t.electrolyteVoxels(), h[0]);
                assertEquals(t.poreVoxels(), h[1]);
                assertEquals(t.crackVoxels(), h[2]);
                assertEquals(t.lithiumVoxels(), h[3]);
                assertEquals(t.crackVoxels(), t.crackVoxelsEach().stream().mapToLong(Long::longValue).sum());
                assertEquals(t.crackCount(), components(s.labels(), 2), "crack components at step " + t.step());
                assertEquals(t.poreCount(), components(s.labels(), 1), "pore components at step " + t.step());
                assertEquals((double) (h[1] + h[2]) / (h[0] + h[1] + h[2]), t.porosity(), 1e-15);
                // the interface plane: slices below it hold no lithium, slices from it on only lithium
                Dims d = s.labels().dims();
                assertEquals(72, t.lithiumFirstSlice());
                assertEquals((long) (d.nz() - 72) * d.sliceVoxels(), t.lithiumVoxels());
                for (int z : new int[] {71, 72}) {
                    for (int y = 0; y < d.ny(); y += 9) {
                        for (int x = 0; x < d.nx(); x += 7) {
                            assertEquals(z >= 72, Recount.at(s.labels(), x, y, z) == 3, "z=" + z);
                        }
                    }
                }
                // cracks grow, pores stay
                assertTrue(t.crackVoxels() > prevCrack && t.crackCount() >= prevCount, "step " + t.step());
                if (pores >= 0) {
                    assertEquals(pores, t.poreVoxels());
                }
                pores = t.poreVoxels();
                prevCrack = t.crackVoxels();
                prevCount = t.crackCount();
                // grey means: lithium below electrolyte, voids below lithium
                double[] sum = new double[4];
                for (long i = 0; i < s.grey().voxels(); i++) {
                    sum[s.labels().getInt(i)] += s.grey().get(i);
                }
                double li = sum[3] / h[3];
                double el = sum[0] / h[0];
                double pore = sum[1] / h[1];
                assertEquals(24000, li, 50);
                assertEquals(40000, el, 50);
                assertEquals(12000, pore, 100);
            }
            assertEquals(List.of(1, 2, 3, 3), steps.stream().map(s -> s.truth().crackCount()).toList());
            assertTrue(steps.get(3).truth().porosity() > steps.get(0).truth().porosity());
        } finally {
            close(steps);
        }
    }

    @Test
    void identicalForOneAndTwoThreadsAndStepMatchesSeries() {
        PelletSeries.Config c = Phantoms.pelletSeriesConfig(3);
        List<PelletSeries.Step> a = Recount.withThreads(1, () -> PelletSeries.series(c, 5));
        List<PelletSeries.Step> b = Recount.withThreads(2, () -> PelletSeries.series(c, 5));
        try (PelletSeries.Step one = PelletSeries.step(c, 2, 5)) {
            for (int k = 0; k < 3; k++) {
                assertTrue(a.get(k).labels().contentEquals(b.get(k).labels()));
                assertTrue(a.get(k).grey().contentEquals(b.get(k).grey()));
            }
            assertTrue(one.labels().contentEquals(a.get(2).labels()));
            assertTrue(one.grey().contentEquals(a.get(2).grey()));
            assertTrue(!a.get(0).grey().contentEquals(a.get(1).grey()), "noise is drawn afresh at each step");
        } finally {
            close(a);
            close(b);
        }
    }

    @Test
    void badParametersNameThemselves() {
        ParameterException e = assertThrows(ParameterException.class, () -> Phantoms.pelletSeriesConfig(7));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> new PelletSeries.GrowingCrack(1, 1, 1, 1, 0, 0, 1, 0, 2, -1));
        assertTrue(e.getMessage().contains("growthUmPerStep"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> new PelletSeries.Config(new Dims(10, 10, 10), Spacing.UNIT, 2, 11,
                0, 1, 1, 0, List.of(), 1, 1, 1, 0));
        assertTrue(e.getMessage().contains("interfaceZUm"), e.getMessage());
        // two cracks that touch are refused
        PelletSeries.Config touching = new PelletSeries.Config(new Dims(32, 32, 32), Spacing.UNIT, 2, 30, 0, 1, 1, 0,
                List.of(new PelletSeries.GrowingCrack(16, 16, 12, 0, 0, 1, 2, 0, 6, 1),
                        new PelletSeries.GrowingCrack(16, 16, 16, 1, 0, 0, 2, 1, 6, 1)), 1, 1, 1, 0);
        e = assertThrows(ParameterException.class, () -> PelletSeries.series(touching, 1));
        assertTrue(e.getMessage().contains("cracks"), e.getMessage());
    }
}
