package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

class StageDriftTest {

    @Test
    void contentMovesByTheShiftAndEnteringVoxelsRepeatTheEdge() {
        Dims d = new Dims(5, 4, 3);
        try (Volume in = Volume.allocate(d, DataType.U16, new Spacing(0.5, 0.6, 0.7))) {
            for (int z = 0; z < 3; z++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        in.set(d.index(x, y, z), 100 * z + 10 * y + x);
                    }
                }
            }
            try (Volume out = StageDrift.shift(in, 2, -1, 1)) {
                assertEquals(in.spacing(), out.spacing());
                assertEquals(DataType.U16, out.type());
                for (int z = 0; z < 3; z++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 5; x++) {
                            int sx = Math.clamp(x - 2, 0, 4);
                            int sy = Math.clamp(y + 1, 0, 3);
                            int sz = Math.clamp(z - 1, 0, 2);
                            assertEquals(100 * sz + 10 * sy + sx, out.get(d.index(x, y, z)), 0.0, x + "," + y + "," + z);
                        }
                    }
                }
                assertEquals(in.get(d.index(1, 2, 0)), out.get(d.index(3, 1, 1)), 0.0, "out(p) = in(p - shift)");
            }
        }
    }
}
