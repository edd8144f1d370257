package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;

class OperandoCellTest {

    @Test
    void truthRecountsFromTheLabelsAndFollowsTheKnownSchedule() {
        OperandoCell.Config cfg = Phantoms.operandoCellConfig(5);
        List<OperandoCell.Step> steps = Phantoms.operandoCell(3, 5);
        Dims d = cfg.dims();
        long cols = (long) d.nx() * d.ny();
        double vv = cfg.spacing().voxelVolumeUm3();
        long prevBottomElectrode = -1;
        long prevTop = -1;
        double prevVoid = -1;
        for (OperandoCell.Step s : steps) {
            var t = s.truth();
            long[] n = new long[5];
            long bottomLiVoid = 0;
            long bottomVoid = 0;
            for (long i = 0; i < d.voxels(); i++) {
                int v = s.labels().getInt(i);
                n[v]++;
                int z = (int) (i / cols);
                if (z < t.strippingPlane() && (v == OperandoCell.LITHIUM || v == OperandoCell.VOID)) {
                    bottomLiVoid++;
                    bottomVoid += v == OperandoCell.VOID ? 1 : 0;
                }
            }
            assertEquals(n[OperandoCell.LITHIUM], t.bottom().lithiumVoxels() + t.top().lithiumVoxels());
            assertEquals(n[OperandoCell.VOID], t.bottom().voidVoxels() + t.bulkPoreVoxels());
            assertEquals(bottomVoid, t.bottom().voidVoxels());
            assertEquals(n[OperandoCell.INTERPHASE], t.interphaseVoxels());
            assertEquals((long) s.index() * cfg.interphaseSlicesPerStep() * cols, t.interphaseVoxels());
            assertEquals(0, t.top().voidVoxels());
            assertEquals(t.bottom().lithiumVoxels() * vv, t.bottom().lithiumVolumeUm3(), 1e-6);
            // the bottom electrode (lithium + voids) loses exactly strippingSlicesPerStep slices per step
            if (prevBottomElectrode >= 0) {
                assertEquals(prevBottomElectrode - cfg.strippingSlicesPerStep() * cols, bottomLiVoid);
                assertEquals(prevTop + cfg.platingSlicesPerStep() * cols, t.top().lithiumVoxels());
                assertTrue(t.bottom().voidVoxels() > prevVoid);
            }
            prevBottomElectrode = bottomLiVoid;
            prevTop = t.top().lithiumVoxels();
            prevVoid = t.bottom().voidVoxels();
            assertTrue(t.bulkPoreVoxels() > 0);
            assertEquals(1.0, t.top().contactFraction());
            assertTrue(t.bottom().contactFraction() < 1);
            assertEquals(t.top().collectorZUm() - t.bottom().collectorZUm(), t.stackThicknessUm(), 1e-9);
            // grey: the mean of the bulk lithium is its grey (noise averages out)
            assertEquals(19000, s.grey().get(40, 40, t.strippingPlane() - 12), 1500);
            s.close();
        }
    }

    @Test
    void sameSeedSameBytesForAnyThreadCount() {
        OperandoCell.Config cfg = Phantoms.operandoCellConfig(3);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            OperandoCell.Step a = OperandoCell.step(cfg, 2, 11);
            Parallel.setThreads(2);
            OperandoCell.Step b = OperandoCell.series(cfg, 11).get(2);
            assertTrue(a.grey().contentEquals(b.grey()));
            assertTrue(a.labels().contentEquals(b.labels()));
            OperandoCell.Step c = OperandoCell.step(cfg, 2, 12);
            assertTrue(!a.grey().contentEquals(c.grey()));
            a.close();
            b.close();
            c.close();
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void badSettingsNameTheSetting() {
        OperandoCell.Config ok = Phantoms.operandoCellConfig(5);
        ParameterException e = assertThrows(ParameterException.class, () -> new OperandoCell.Config(ok.dims(), ok.spacing(), 6, 2, 10,
                40, 20, 5, 2, 2, 1, 8, 17, 5, 3.4, 4, 8.5, 5, ok.greys(), 0.7, 250));
        assertTrue(e.getMessage().contains("bottomLiSlices"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> new OperandoCell.Config(ok.dims(), ok.spacing(), 6, 2, 24, 40, 20, 5, 2, 2, 1,
                8, 17, 5, 3.4, 4, 8.5, 5, new double[] {1, 2}, 0.7, 250));
        assertTrue(e.getMessage().contains("greys"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> Phantoms.operandoCell(1, 6));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> OperandoCell.step(ok, 5, 1));
        assertTrue(e.getMessage().contains("step"), e.getMessage());
    }
}
