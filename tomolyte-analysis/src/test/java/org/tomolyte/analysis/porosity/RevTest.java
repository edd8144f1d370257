package org.tomolyte.analysis.porosity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;

/** Representative elementary volume: summed-area counts against brute force, known convergence, parameters. */
class RevTest {

    private static long brute(Volume m, Rev.Cube c) {
        long n = 0;
        for (int z = c.z0(); z < c.z0() + c.cz(); z++) {
            for (int y = c.y0(); y < c.y0() + c.cy(); y++) {
                for (int x = c.x0(); x < c.x0() + c.cx(); x++) {
                    n += m.get(x, y, z) != 0 ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void summedAreaCountsEqualBruteForce() {
        Dims d = new Dims(41, 37, 45);
        try (Volume m = TestVolumes.mask(d, Spacing.UNIT, 0.35, 3)) {
            SplittableRandom r = new SplittableRandom(9);
            List<Rev.Cube> cubes = new ArrayList<>();
            cubes.add(new Rev.Cube(0, 0, 0, 41, 37, 45));
            cubes.add(new Rev.Cube(40, 36, 44, 1, 1, 1));
            for (int i = 0; i < 60; i++) {
                int cx = 1 + r.nextInt(41);
                int cy = 1 + r.nextInt(37);
                int cz = 1 + r.nextInt(45);
                cubes.add(new Rev.Cube(r.nextInt(41 - cx + 1), r.nextInt(37 - cy + 1), r.nextInt(45 - cz + 1), cx, cy, cz));
            }
            long[] got = Rev.countPores(m, cubes, Progress.NONE);
            for (int i = 0; i < cubes.size(); i++) {
                assertEquals(brute(m, cubes.get(i)), got[i], cubes.get(i).toString());
            }
            assertEquals(got[0], got[cubes.size()], "last entry is the whole volume");
        }
    }

    @Test
    void uniformMaskConvergesAndCentredCubeIsCentred() {
        double p = 0.3;
        try (Volume m = TestVolumes.mask(new Dims(64, 64, 64), Spacing.isotropic(0.5), p, 17)) {
            Rev.Result r = Rev.compute(m, new double[]{16, 2, 8, 4}, 20, 1, 0.01, Progress.NONE);
            assertEquals(List.of(2.0, 4.0, 8.0, 16.0), r.sizes().stream().map(Rev.Size::sizeUm).toList(), "sorted");
            // binomial std of a c^3 cube: sqrt(p (1 - p) / c^3): c = 4: 0.057, 8: 0.020, 16: 0.0072, 32: 0.0026
            double[] edge = {4, 8, 16, 32};
            for (int i = 0; i < 4; i++) {
                Rev.Size s = r.sizes().get(i);
                assertEquals((int) edge[i], s.edge()[0]);
                assertEquals(21, s.stats().n());
                double want = Math.sqrt(p * (1 - p) / Math.pow(edge[i], 3));
                assertEquals(want, s.stats().std(), 0.5 * want, "size " + s.sizeUm());
                int c = (int) edge[i];
                int o = (64 - c) / 2;
                assertEquals(brute(m, new Rev.Cube(o, o, o, c, c, c)) / Math.pow(c, 3), s.centred(), 1e-15);
            }
            assertEquals(8.0, r.revSizeUm(), "16 voxels of 0.5 um is the first size with std < 0.01");
            long pores = 0;
            for (long i = 0; i < m.voxels(); i++) {
                pores += m.get(i) != 0 ? 1 : 0;
            }
            assertEquals(pores / (double) m.voxels(), r.wholePorosity(), 1e-15);
        }
    }

    @Test
    void opReportsTableMetricsAndNoRevWhenNoneConverges() {
        try (Volume m = TestVolumes.mask(new Dims(30, 30, 20), new Spacing(1, 1, 2), 0.5, 4)) {
            var op = new RevOp();
            var p = ParamBinder.bind(RevOp.Params.class, Map.of("sizes_um", List.of(4, 10), "tolerance", 1e-6, "samples", 5));
            op.preflight(p, Map.of("mask", new DataSpec.VolumeSpec(m.dims(), DataType.U8, m.spacing())));
            OpResult res = op.run(p, new OpInputs(Map.of("mask", m)), OpContext.QUIET);
            Table t = (Table) res.outputs().get("rev");
            assertEquals(List.of("size_um", "centred_porosity", "mean", "std", "min", "max", "n"),
                    t.columns().stream().map(Table.Column::name).toList());
            assertEquals(6, t.number(0, "n"));
            Map<String, Object> metrics = res.metrics().toMap();
            assertTrue(Double.isNaN((double) metrics.get("rev_size_um")));
            assertTrue(String.valueOf(metrics.get("note")).contains("tolerance"));
            assertEquals(1, res.plots().size());
        }
    }

    @Test
    void seedDecidesPositionsAndThreadsDoNot() {
        int before = Parallel.threads();
        try (Volume m = TestVolumes.mask(new Dims(40, 40, 40), Spacing.UNIT, 0.4, 8)) {
            List<double[]> runs = new ArrayList<>();
            for (int t : new int[]{1, 2}) {
                Parallel.setThreads(t);
                runs.add(Rev.compute(m, new double[]{5, 10, 20}, 10, 3, 0.01, Progress.NONE).sizes().get(1).porosity());
            }
            assertArrayEquals(runs.get(0), runs.get(1));
            double[] other = Rev.compute(m, new double[]{5, 10, 20}, 10, 4, 0.01, Progress.NONE).sizes().get(1).porosity();
            assertEquals(runs.get(0)[0], other[0], "centred cube does not depend on the seed");
            assertNotEquals(runs.get(0)[1], other[1]);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        PorosityFactorTest.assertMessage("sizes_um", () -> ParamBinder.bind(RevOp.Params.class, Map.of()));
        PorosityFactorTest.assertMessage("sizes_um", () -> ParamBinder.bind(RevOp.Params.class, Map.of("sizes_um", List.of(5, -1))));
        PorosityFactorTest.assertMessage("samples", () -> ParamBinder.bind(RevOp.Params.class, Map.of("sizes_um", 5, "samples", -1)));
        PorosityFactorTest.assertMessage("tolerance", () -> ParamBinder.bind(RevOp.Params.class, Map.of("sizes_um", 5, "tolerance", 0)));
        var p = ParamBinder.bind(RevOp.Params.class, Map.of("sizes_um", List.of(5, 50)));
        PorosityFactorTest.assertMessage("sizes_um", () -> new RevOp().preflight(p,
                Map.of("mask", new DataSpec.VolumeSpec(new Dims(40, 40, 20), DataType.U8, Spacing.UNIT))));
    }
}
