package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;

/** The gradient phantom's truth recounted voxel by voxel. */
class PorosityGradientTest {

    @Test
    void everyCellHoldsExactlyItsLayersPoreCount() {
        var cfg = new PorosityGradient.Config(new Dims(3, 2, 4), new Dims(5, 6, 7), 2, 3, 1, new Spacing(1, 2, 0.5),
                PorosityGradient.linear(4, 0.1, 0.7), true);
        try (PorosityGradient.Phantom ph = PorosityGradient.generate(cfg, 3)) {
            assertEquals(new Dims(17, 15, 29), ph.mask().dims());
            long total = 0;
            long[][][] cells = new long[4][2][3];
            for (int z = 0; z < 29; z++) {
                for (int y = 0; y < 15; y++) {
                    for (int x = 0; x < 17; x++) {
                        double v = ph.mask().get(x, y, z);
                        total += (long) v;
                        if (x < 15 && y < 12 && z < 28) {
                            cells[z / 7][y / 6][x / 5] += (long) v;
                        } else {
                            assertEquals(1.0, v, "edge voxels are pore");
                        }
                    }
                }
            }
            for (int iz = 0; iz < 4; iz++) {
                assertEquals(Math.round((0.1 + 0.2 * iz) * 210), ph.cellPores()[iz]);
                for (long[] row : cells[iz]) {
                    for (long c : row) {
                        assertEquals(ph.cellPores()[iz], c);
                    }
                }
            }
            assertEquals(ph.totalPores(), total);
            assertEquals(ph.layerPorosity(2) / ph.meanPorosity() - 1, ph.d(2), 0);
            assertEquals(17L * 15 * 29 - 15L * 12 * 28, ph.edgeVoxels());
        }
        assertThrows(ParameterException.class, () -> new PorosityGradient.Config(new Dims(1, 1, 2), new Dims(2, 2, 2), 0, 0, 0,
                Spacing.UNIT, new double[]{0.5}, false));
    }
}
