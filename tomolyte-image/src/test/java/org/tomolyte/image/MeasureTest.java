package org.tomolyte.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.PhaseTable;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Table;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.image.convert.Scaling;
import org.tomolyte.image.convert.TypeConversion;
import org.tomolyte.image.measure.HistogramOp;
import org.tomolyte.image.measure.PhaseFractionsOp;

class MeasureTest {

    /** A 10x10x10 volume, anisotropic 0.5 x 0.5 x 2 um: the first 3 slices phase 2, a 2x2x2 cube phase 1, the rest 0. */
    private static Volume labels() {
        Volume v = Volume.allocate(new Dims(10, 10, 10), DataType.U8, new Spacing(0.5, 0.5, 2));
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 10; x++) {
                    v.set(x, y, z, z < 3 ? 2 : (x >= 5 && x < 7 && y >= 5 && y < 7 && z >= 5 && z < 7) ? 1 : 0);
                }
            }
        }
        return v;
    }

    @Test
    void phaseFractionsAreExactAndNamed() {
        try (Volume v = labels()) {
            OpResult r = new PhaseFractionsOp().run(new PhaseFractionsOp.Params(), new OpInputs(Map.of("labels", v)),
                    new OpContext(Progress.NONE, PhaseTable.of(Map.of(0, "pore", 1, "crack", 2, "lithium", 5, "carbon"))));
            Table t = (Table) r.outputs().get("fractions");
            assertEquals(4, t.rowCount(), "named phases are listed even when absent");
            assertEquals("pore", t.text(0, "phase"));
            assertEquals(692, t.number(0, "voxels"));
            assertEquals(0.008, t.number(1, "fraction"), 1e-15);
            assertEquals(300 * 0.5, t.number(2, "volume_um3"), 1e-12, "300 voxels of 0.5 um^3");
            assertEquals(0L, t.number(3, "voxels"), 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> lithium = (Map<String, Object>) r.metrics().toMap().get("lithium");
            assertEquals(0.3, (Double) lithium.get("fraction"), 1e-15);
        }
    }

    @Test
    void perPhaseHistogramsCountEachPhaseOnItsOwn() {
        try (Volume labels = labels(); Volume grey = Volume.allocate(labels.dims(), DataType.U8, labels.spacing())) {
            for (long i = 0; i < grey.voxels(); i++) {
                grey.set(i, 50 + 50 * labels.getInt(i));
            }
            OpResult r = new HistogramOp().run(ParamBinder.bind(HistogramOp.Params.class, Map.of()),
                    new OpInputs(Map.of("image", grey, "labels", labels)), OpContext.QUIET);
            Table t = (Table) r.outputs().get("histogram");
            assertEquals(101, t.rowCount(), "one bin per grey value 50..150");
            assertEquals(50, t.number(0, "bin_center"));
            assertEquals(692, t.number(0, "count_phase_0"));
            assertEquals(1.0, t.number(50, "frequency_phase_1"));
            assertEquals(300, t.number(100, "count_all"));
            assertEquals(1, r.plots().size());
            assertEquals(3, r.plots().get(0).series().size(), "one line per phase");
        }
    }

    @Test
    void histogramRejectsLabelsOfAnotherSize() {
        try (Volume grey = Volume.allocate(new Dims(4, 4, 4), DataType.U8, Spacing.UNIT);
             Volume labels = Volume.allocate(new Dims(4, 4, 5), DataType.U8, Spacing.UNIT)) {
            assertThrows(InputException.class, () -> new HistogramOp().run(ParamBinder.bind(HistogramOp.Params.class, Map.of()),
                    new OpInputs(Map.of("image", grey, "labels", labels)), OpContext.QUIET));
        }
    }

    @Test
    void conversionScalesLinearlyAndClamps() {
        try (Volume v = Volume.allocate(new Dims(5, 1, 1), DataType.F32, Spacing.UNIT)) {
            double[] vals = {-1, 0, 0.5, 1, 3};
            for (int i = 0; i < 5; i++) {
                v.set(i, vals[i]);
            }
            try (Volume a = TypeConversion.convert(v, DataType.U8, Scaling.AUTO, 0, 0, Progress.NONE).volume()) {
                assertEquals(0, a.get(0));
                assertEquals(255, a.get(4));
                assertEquals(Math.round(1.5 / 4 * 255), a.get(2));
            }
            try (Volume b = TypeConversion.convert(v, DataType.U8, Scaling.RANGE, 0, 1, Progress.NONE).volume()) {
                assertEquals(0, b.get(0));
                assertEquals(128, b.get(2), "127.5 rounds half away from zero");
                assertEquals(255, b.get(4));
            }
            try (Volume c = TypeConversion.convert(v, DataType.U16, Scaling.NONE, 0, 0, Progress.NONE).volume()) {
                assertEquals(0, c.get(0), "negative clamps to 0");
                assertEquals(1, c.get(2), "0.5 rounds to 1");
                assertEquals(3, c.get(4));
            }
        }
    }
}
