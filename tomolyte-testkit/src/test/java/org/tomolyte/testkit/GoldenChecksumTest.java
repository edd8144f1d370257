package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Pins the exact bytes each generator produces for one seed, so that "same seed, same volume"
 * holds across machines, JDK versions and edits: tests elsewhere may rely on a phantom's exact
 * content. If a generator is changed on purpose, update the constants here (and say so in the
 * commit message).
 */
class GoldenChecksumTest {

    private static final String CHANGED = "generator output changed for a fixed seed: if intended, update the golden CRC";

    static long crc(Volume... volumes) {
        CRC32 crc = new CRC32();
        for (Volume v : volumes) {
            crc.update(v.segment().asByteBuffer());
        }
        return crc.getValue();
    }

    @Test
    void spheres() {
        try (Spheres.Phantom p = Spheres.uniform(new Dims(48, 40, 32), new Spacing(0.8, 1.0, 1.3), 5, 5, 1, 1)) {
            assertEquals(GOLDEN_SPHERES, crc(p.labels(), p.instances()), CHANGED);
        }
    }

    @Test
    void pellet() {
        CrackedPellet.Config cfg = new CrackedPellet.Config(new Dims(48, 40, 32), new Spacing(0.7, 0.7, 0.9), 20, 1.4,
                3, 0.5, List.of(new CrackedPellet.Crack(15, 14, 14, 0.2, 0.1, 1, 2.1, 10)), 40000, 12000, 2500);
        try (CrackedPellet.Phantom p = CrackedPellet.generate(cfg, 1)) {
            assertEquals(GOLDEN_PELLET, crc(p.labels(), p.grey()), CHANGED);
        }
    }

    @Test
    void cell() {
        SymmetricCell.Config cfg = new SymmetricCell.Config(new Dims(40, 36, 40), new Spacing(1.5, 1.5, 2.0), 24, 36, 3,
                4, 10, 8, 1, 1, 5, 4, 12000, 30000, 4000, 1500);
        try (SymmetricCell.Step s = SymmetricCell.step(cfg, 2, 1)) {
            assertEquals(GOLDEN_CELL, crc(s.labels(), s.grey()), CHANGED);
        }
    }

    @Test
    void cathode() {
        Cathode.Config cfg = new Cathode.Config(new Dims(48, 40, 32), new Spacing(0.08, 0.08, 0.1), 4, 0.6, 1.0, 1.6, 0,
                30, 0.12, 1.5, 20, 0.2, 0.4, 20, 200, 130, 70, 12);
        try (Cathode.Phantom p = Cathode.generate(cfg, 1)) {
            assertEquals(GOLDEN_CATHODE, crc(p.labels(), p.grey()), CHANGED);
        }
    }

    private static final long GOLDEN_SPHERES = 1570254818L;
    private static final long GOLDEN_PELLET = 3607447100L;
    private static final long GOLDEN_CELL = 3153212862L;
    private static final long GOLDEN_CATHODE = 3542545111L;
}
