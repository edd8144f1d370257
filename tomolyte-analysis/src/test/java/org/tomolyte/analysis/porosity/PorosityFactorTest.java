package org.tomolyte.analysis.porosity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Plot;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.core.op.Op;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.testkit.Phantoms;
import org.tomolyte.testkit.PorosityGradient;
import org.tomolyte.testkit.PythonPeer;

/** Porosity factor (paper 001 Eq. 3), block sums and porosity fraction. */
class PorosityFactorTest {

    private static final double EXACT = 1e-12;

    @Test
    void opsAreRegistered() {
        Set<String> ids = new HashSet<>();
        for (Op<?> op : ServiceLoader.load(Op.class)) {
            ids.add(op.id());
            ParamBinder.describe(op.paramsType());
        }
        assertTrue(ids.containsAll(List.of("porosity.fraction", "porosity.factor", "porosity.rev", "profile.axis", "profile.line",
                "intensity.interface_map")), ids.toString());
    }

    @Test
    void gradientPhantomGivesExactDPerThroughPlaneSection() {
        try (PorosityGradient.Phantom ph = Phantoms.porosityGradient(7)) {
            PorosityFactor.Result r = PorosityFactor.compute(ph.mask(), null, new double[]{30}, PorosityFactor.Source.MASK, Progress.NONE);
            assertEquals(ph.meanPorosity(), r.meanPorosity(), EXACT);
            PorosityFactor.Blocks b = r.blocks().getFirst();
            assertEquals(List.of(6, 6, 8, 10, 10, 10), List.of(b.grid().nbx(), b.grid().nby(), b.grid().nbz(), b.grid().bx(), b.grid().by(),
                    b.grid().bz()));
            assertEquals(ph.edgeVoxels(), b.droppedVoxels());
            assertTrue(ph.edgeVoxels() > 0);
            for (int iz = 0; iz < 8; iz++) {
                for (double d : b.section(Axis.Z, iz)) {
                    assertEquals(ph.d(iz), d, EXACT, "layer " + iz);
                }
            }
            // d rises with z (porosity 0.10 -> 0.45) and crosses 0
            assertTrue(ph.d(0) < -0.3 && ph.d(7) > 0.3, ph.d(0) + " " + ph.d(7));
            // the op: tables, section statistics, metrics, plots
            var p = ParamBinder.bind(PorosityFactorOp.Params.class, Map.of());
            OpResult res = new PorosityFactorOp().run(p, new OpInputs(Map.of("mask", ph.mask())), OpContext.QUIET);
            Table blocks = (Table) res.outputs().get("blocks");
            assertEquals("blocks", blocks.name());
            assertEquals(List.of("ix", "iy", "iz", "x_um", "y_um", "z_um", "porosity", "d"),
                    blocks.columns().stream().map(Table.Column::name).toList());
            assertEquals(6 * 6 * 8, blocks.rowCount());
            assertEquals(15.0, blocks.number(0, "x_um"), EXACT);
            assertEquals(45.0, blocks.number(1, "x_um"), EXACT);
            assertEquals(ph.layerPorosity(0), blocks.number(0, "porosity"), EXACT);
            Table sec = (Table) res.outputs().get("sections");
            assertEquals(List.of("orientation", "section", "position_um", "mean", "median", "std", "min", "max", "q1", "q3", "n"),
                    sec.columns().stream().map(Table.Column::name).toList());
            assertEquals(8 + 6, sec.rowCount());
            for (int iz = 0; iz < 8; iz++) {
                assertEquals("through_plane", sec.text(iz, "orientation"));
                assertEquals(15.0 + 30 * iz, sec.number(iz, "position_um"), EXACT);
                assertEquals(ph.d(iz), sec.number(iz, "mean"), EXACT);
                assertEquals(ph.d(iz), sec.number(iz, "median"), EXACT);
                assertEquals(0.0, sec.number(iz, "std"), EXACT);
                assertEquals(36, sec.number(iz, "n"));
            }
            for (int ix = 0; ix < 6; ix++) {
                int row = 8 + ix;
                assertEquals("in_plane", sec.text(row, "orientation"));
                assertEquals(ph.d(0), sec.number(row, "min"), EXACT);
                assertEquals(ph.d(7), sec.number(row, "max"), EXACT);
                assertEquals(48, sec.number(row, "n"));
            }
            Map<String, Object> m = res.metrics().toMap();
            assertEquals(ph.meanPorosity(), (double) m.get("mean_porosity"), EXACT);
            assertEquals(ph.d(0), (double) m.get("d_min"), EXACT);
            assertEquals(ph.d(7), (double) m.get("d_max"), EXACT);
            assertEquals(ph.edgeVoxels(), m.get("dropped_voxels"));
            assertTrue(String.valueOf(m.get("edge_note")).contains("(4 along x, 3 along y, 5 along z"), String.valueOf(m.get("edge_note")));
            double[] all = new double[8];
            for (int iz = 0; iz < 8; iz++) {
                all[iz] = ph.d(iz);
            }
            SampleStats want = SampleStats.of(all);
            assertEquals(want.std(), (double) m.get("d_std"), 1e-12);
            assertEquals(want.q3() - want.q1(), (double) m.get("d_iqr"), 1e-12, "8 equal-sized layers: same quartiles as the 8 layer values");
            long heat = res.plots().stream().filter(pl -> pl.kind() == Plot.Kind.HEATMAP).count();
            assertEquals(8 + 6, heat);
            Plot box = res.plots().stream().filter(pl -> pl.kind() == Plot.Kind.BOX).findFirst().orElseThrow();
            assertEquals(8, box.series().size());
            assertEquals(36, box.series().getFirst().y().length);
            Set<String> scales = new HashSet<>();
            res.plots().stream().filter(pl -> pl.grid() != null).forEach(pl -> scales.add(pl.grid().min() + ":" + pl.grid().max()));
            assertEquals(1, scales.size(), "all heat maps of one size share the colour scale");
        }
    }

    @Test
    void severalSizesGetSuffixesAndGroups() {
        try (PorosityGradient.Phantom ph = Phantoms.porosityGradient(3)) {
            var p = ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", List.of(30, 60)));
            var op = new PorosityFactorOp();
            Map<String, DataSpec> pre = op.preflight(p, Map.of("mask", new DataSpec.VolumeSpec(ph.mask().dims(), DataType.U8, ph.mask().spacing())));
            assertEquals("blocks_30", ((DataSpec.TableSpec) pre.get("blocks")).name());
            OpResult res = op.run(p, new OpInputs(Map.of("mask", ph.mask())), OpContext.QUIET);
            assertEquals(List.of("blocks", "sections", "blocks_60", "sections_60"), List.copyOf(res.outputs().keySet()));
            assertEquals("blocks_30", ((Table) res.outputs().get("blocks")).name());
            assertEquals("sections_60", ((Table) res.outputs().get("sections_60")).name());
            @SuppressWarnings("unchecked")
            Map<String, Object> g60 = (Map<String, Object>) res.metrics().toMap().get("size_60");
            assertEquals(20L, g60.get("block_vox_x"));
            assertEquals(3L * 3 * 4, g60.get("blocks"));
            assertTrue(res.plots().stream().anyMatch(pl -> pl.name().equals("d_through_plane_0_60")));
            assertTrue(res.plots().stream().anyMatch(pl -> pl.name().equals("d_box_30")));
            // 60 um cubes pair the 30 um layers: d of layer pair (2k, 2k+1) averaged
            Table b60 = (Table) res.outputs().get("blocks_60");
            double phi = (ph.layerPorosity(0) + ph.layerPorosity(1)) / 2;
            assertEquals(phi / ph.meanPorosity() - 1, b60.number(0, "d"), EXACT);
        }
    }

    @Test
    void anisotropicVoxelsGiveCubesOfEqualPhysicalSize() {
        Spacing s = new Spacing(0.5, 1.0, 2.0);
        var cfg = new PorosityGradient.Config(new Dims(3, 4, 5), new Dims(16, 8, 4), 3, 1, 2, s, PorosityGradient.linear(5, 0.4, 0.05), true);
        try (PorosityGradient.Phantom ph = PorosityGradient.generate(cfg, 11)) {
            PorosityFactor.Result r = PorosityFactor.compute(ph.mask(), null, new double[]{8}, PorosityFactor.Source.MASK, Progress.NONE);
            PorosityFactor.Blocks b = r.blocks().getFirst();
            assertEquals(List.of(16, 8, 4), List.of(b.grid().bx(), b.grid().by(), b.grid().bz()));
            assertEquals(List.of(3, 4, 5), List.of(b.grid().nbx(), b.grid().nby(), b.grid().nbz()));
            assertEquals(ph.meanPorosity(), r.meanPorosity(), EXACT, "edge voxels (all pore here) count in Phi0");
            for (int iz = 0; iz < 5; iz++) {
                for (double d : b.section(Axis.Z, iz)) {
                    assertEquals(ph.d(iz), d, EXACT);
                }
            }
            assertEquals(12.0, b.centreUm(Axis.X, 1), EXACT);
            assertEquals(12.0, b.centreUm(Axis.Y, 1), EXACT);
            assertEquals(4.0, b.centreUm(Axis.Z, 0), EXACT);
            assertEquals(ph.edgeVoxels(), b.droppedVoxels());
        }
    }

    @Test
    void uniformRandomMaskHasDNearZero() {
        double p = 0.3;
        try (Volume m = TestVolumes.mask(new Dims(60, 60, 60), Spacing.isotropic(2), p, 5)) {
            PorosityFactor.Result r = PorosityFactor.compute(m, null, new double[]{20}, PorosityFactor.Source.MASK, Progress.NONE);
            SampleStats st = SampleStats.of(r.blocks().getFirst().d());
            assertEquals(216, st.n());
            assertEquals(0.0, st.mean(), 1e-12, "no voxel dropped: the cube porosities average to Phi0 exactly");
            // binomial: std(Phi) = sqrt(p (1 - p) / 1000), std(d) = std(Phi) / p; 216 cubes estimate it to ~5 %
            double want = Math.sqrt(p * (1 - p) / 1000) / p;
            assertEquals(want, st.std(), 0.2 * want);
            assertEquals(p, r.meanPorosity(), 0.01);
        }
    }

    @Test
    void greySourceUsesMeanGreyRatio() {
        try (PorosityGradient.Phantom ph = Phantoms.porosityGradient(9);
             Volume grey = Volume.allocate(ph.mask().dims(), DataType.U16, ph.mask().spacing())) {
            for (long i = 0; i < grey.voxels(); i++) {
                grey.set(i, ph.mask().get(i) != 0 ? 150 : 100);
            }
            var p = ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("source", "grey"));
            OpResult res = new PorosityFactorOp().run(p, new OpInputs(Map.of("mask", ph.mask(), "grey", grey)), OpContext.QUIET);
            Table t = (Table) res.outputs().get("blocks");
            double g0 = 100 + 50 * ph.meanPorosity();
            for (int row = 0; row < t.rowCount(); row++) {
                int iz = (int) t.number(row, "iz");
                double g = 100 + 50 * ph.layerPorosity(iz);
                assertEquals(g, t.number(row, "grey_mean"), 1e-9);
                assertEquals(g / g0 - 1, t.number(row, "d"), 1e-12);
                assertEquals(ph.layerPorosity(iz), t.number(row, "porosity"), EXACT);
            }
            assertEquals(g0, (double) res.metrics().toMap().get("mean_grey"), 1e-9);
        }
    }

    @Test
    void streamingBlockSumsEqualBruteForce() {
        Dims d = new Dims(37, 29, 23);
        List<int[]> edges = List.of(new int[]{5, 4, 3}, new int[]{7, 7, 7}, new int[]{37, 1, 2}, new int[]{1, 29, 23}, new int[]{3, 3, 11});
        try (Volume m = TestVolumes.mask(d, Spacing.UNIT, 0.4, 21);
             Volume g = TestVolumes.grey(d, DataType.U16, Spacing.UNIT, 65536, 22);
             Volume f = TestVolumes.grey(d, DataType.F32, Spacing.UNIT, 1, 23)) {
            for (Volume v : List.of(m, g, f)) {
                boolean nonzero = v == m;
                BlockSums.Result r = BlockSums.compute(v, nonzero, edges, Progress.NONE);
                double total = 0;
                for (long i = 0; i < v.voxels(); i++) {
                    total += nonzero ? (v.get(i) != 0 ? 1 : 0) : v.get(i);
                }
                assertEquals(total, r.total(), Math.abs(total) * 1e-12);
                for (int s = 0; s < edges.size(); s++) {
                    BlockSums.Grid grid = r.grids().get(s);
                    double[] brute = bruteBlockSums(v, nonzero, edges.get(s));
                    assertEquals(brute.length, grid.sums().length);
                    for (int i = 0; i < brute.length; i++) {
                        assertEquals(brute[i], grid.sums()[i], v == f ? 1e-9 * Math.abs(brute[i]) : 0, "size " + s + " block " + i);
                    }
                }
            }
        }
    }

    static double[] bruteBlockSums(Volume v, boolean nonzero, int[] e) {
        Dims d = v.dims();
        int nbx = d.nx() / e[0];
        int nby = d.ny() / e[1];
        int nbz = d.nz() / e[2];
        double[] out = new double[nbx * nby * nbz];
        for (int z = 0; z < nbz * e[2]; z++) {
            for (int y = 0; y < nby * e[1]; y++) {
                for (int x = 0; x < nbx * e[0]; x++) {
                    double val = v.get(x, y, z);
                    out[((z / e[2]) * nby + y / e[1]) * nbx + x / e[0]] += nonzero ? (val != 0 ? 1 : 0) : val;
                }
            }
        }
        return out;
    }

    @Test
    void blockMeansEqualNumpyReshapeMean(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("numpy"), PythonPeer.skipMessage("numpy"));
        Dims d = new Dims(40, 33, 27);
        int[] e = {5, 4, 6};
        try (Volume g = TestVolumes.grey(d, DataType.U16, Spacing.UNIT, 65536, 31)) {
            Path in = tmp.resolve("in.f64");
            Path out = tmp.resolve("out.f64");
            PythonPeer.writeF64(g, in);
            PythonPeer.run("""
                    import sys, numpy as np
                    nx, ny, nz, bx, by, bz = map(int, sys.argv[3:9])
                    v = np.fromfile(sys.argv[1], '<f8').reshape(nz, ny, nx)
                    a, b, c = nz // bz, ny // by, nx // bx
                    m = v[:a * bz, :b * by, :c * bx].reshape(a, bz, b, by, c, bx).mean(axis=(1, 3, 5))
                    m.astype('<f8').tofile(sys.argv[2])
                    """, in.toString(), out.toString(), "40", "33", "27", "5", "4", "6");
            double[] want = PythonPeer.readF64(out);
            BlockSums.Grid grid = BlockSums.compute(g, false, List.of(e), Progress.NONE).grids().getFirst();
            assertEquals(want.length, grid.count());
            for (int i = 0; i < want.length; i++) {
                // integer sums below 2^53 are exact here; numpy's pairwise mean of 120 values differs by rounding only
                assertEquals(want[i], grid.sums()[i] / grid.blockVoxels(), 1e-12 * want[i], "block " + i);
            }
            assertTrue(Files.exists(out));
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalResults() {
        int before = Parallel.threads();
        try (Volume f = TestVolumes.grey(new Dims(50, 41, 70), DataType.F32, Spacing.UNIT, 1, 41);
             Volume m = TestVolumes.mask(new Dims(50, 41, 70), Spacing.UNIT, 0.2, 42)) {
            List<double[]> runs = new ArrayList<>();
            for (int t : new int[]{1, 2}) {
                Parallel.setThreads(t);
                var g = BlockSums.compute(f, false, List.of(new int[]{7, 5, 9}, new int[]{10, 10, 10}), Progress.NONE);
                var r = PorosityFactor.compute(m, f, new double[]{6, 13}, PorosityFactor.Source.GREY, Progress.NONE);
                List<Double> flat = new ArrayList<>();
                flat.add(g.total());
                g.grids().forEach(x -> { for (double v : x.sums()) flat.add(v); });
                r.blocks().forEach(b -> { for (double v : b.d()) flat.add(v); });
                runs.add(flat.stream().mapToDouble(Double::doubleValue).toArray());
            }
            assertArrayEquals(runs.get(0), runs.get(1));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void porosityFractionCountsNonzeroVoxels() {
        try (PorosityGradient.Phantom ph = Phantoms.porosityGradient(1)) {
            var res = new PorosityFractionOp().run(new PorosityFractionOp.Params(), new OpInputs(Map.of("mask", ph.mask())), OpContext.QUIET);
            Map<String, Object> m = res.metrics().toMap();
            assertEquals(ph.meanPorosity(), (double) m.get("porosity"), EXACT);
            assertEquals(ph.totalPores() * 27.0, (double) m.get("pore_volume_um3"), 1e-6);
            assertEquals(ph.mask().voxels() * 27.0, (double) m.get("total_volume_um3"), 1e-6);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        assertMessage("block_um", () -> ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", 0)));
        assertMessage("block_um", () -> ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", List.of(30, 30))));
        assertMessage("through_axis", () -> ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("through_axis", "w")));
        assertMessage("source", () -> ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("source", "labels")));
        var op = new PorosityFactorOp();
        var spec = new DataSpec.VolumeSpec(new Dims(100, 100, 40), DataType.U8, Spacing.isotropic(0.7));
        assertMessage("block_um", () -> op.preflight(ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", 30)),
                Map.of("mask", spec)));
        assertMessage("block_um", () -> op.preflight(ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", 0.3)),
                Map.of("mask", spec)));
        assertMessage("grey", () -> op.preflight(ParamBinder.bind(PorosityFactorOp.Params.class, Map.of("block_um", 7, "source", "grey")),
                Map.of("mask", spec)));
    }

    static void assertMessage(String param, org.junit.jupiter.api.function.Executable e) {
        ParameterException ex = assertThrows(ParameterException.class, e);
        assertTrue(ex.getMessage().contains(param), ex.getMessage());
    }
}
