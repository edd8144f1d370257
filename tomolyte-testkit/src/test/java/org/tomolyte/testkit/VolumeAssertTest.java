package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

class VolumeAssertTest {

    private static Volume ramp(DataType type) {
        Volume v = Volume.allocate(new Dims(5, 4, 3), type, Spacing.UNIT);
        for (long i = 0; i < v.voxels(); i++) {
            v.set(i, i % 7);
        }
        return v;
    }

    @Test
    void sameContentPassesAndReportsFirstDifference() {
        try (Volume a = ramp(DataType.U16); Volume b = ramp(DataType.U16)) {
            VolumeAssert.assertSameContent(a, b);
            b.set(3, 2, 1, 99);
            b.set(4, 3, 2, 98);
            AssertionError e = assertThrows(AssertionError.class, () -> VolumeAssert.assertSameContent(a, b));
            assertTrue(e.getMessage().contains("(x=3, y=2, z=1)"), e.getMessage());
            assertTrue(e.getMessage().contains("99"), e.getMessage());
        }
    }

    @Test
    void sameContentChecksDimsAndType() {
        try (Volume a = ramp(DataType.U16); Volume b = ramp(DataType.F32);
             Volume c = Volume.allocate(new Dims(5, 4, 2), DataType.U16, Spacing.UNIT)) {
            AssertionError type = assertThrows(AssertionError.class, () -> VolumeAssert.assertSameContent(a, b));
            assertTrue(type.getMessage().contains("u16") && type.getMessage().contains("f32"), type.getMessage());
            AssertionError dims = assertThrows(AssertionError.class, () -> VolumeAssert.assertSameContent(a, c));
            assertTrue(dims.getMessage().contains("5x4x3") && dims.getMessage().contains("5x4x2"), dims.getMessage());
        }
    }

    @Test
    void closeUsesMaxAbsDifference() {
        try (Volume a = ramp(DataType.F32); Volume b = ramp(DataType.U8)) {
            VolumeAssert.assertClose(a, b, 0);
            a.set(1, 1, 1, a.get(1, 1, 1) + 0.25);
            VolumeAssert.assertClose(a, b, 0.25);
            AssertionError e = assertThrows(AssertionError.class, () -> VolumeAssert.assertClose(a, b, 0.2));
            assertTrue(e.getMessage().contains("(x=1, y=1, z=1)") && e.getMessage().contains("0.25"), e.getMessage());
            a.set(0, Double.NaN);
            assertThrows(AssertionError.class, () -> VolumeAssert.assertClose(a, b, 1));
        }
    }

    @Test
    void fractionCountsVoxelsOfOneValue() {
        try (Volume a = ramp(DataType.U8)) {
            // 60 voxels, value 0 at i = 0, 7, ..., 56: 9 voxels
            VolumeAssert.assertFraction(a, 0, 9 / 60.0, 1e-12);
            AssertionError e = assertThrows(AssertionError.class, () -> VolumeAssert.assertFraction(a, 0, 0.5, 0.1));
            assertTrue(e.getMessage().contains("9 of 60"), e.getMessage());
        }
    }
}
