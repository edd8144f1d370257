package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FloorsTest {

    private static final Peer SCIPY = Peer.python("scipy", "", "r = a", 20);
    private static final Case EDT = new Case("edt", "", InputKind.SOLID, List.of(), List.of(Step.of("distance.edt")), List.of(SCIPY), 5);
    private static final Case PLAIN = new Case("plain", "", InputKind.GREY, List.of(), List.of(Step.of("x.y")),
            List.of(Peer.python("numpy", "", "r = a", Double.NaN)), Double.NaN);

    private static Measurement m(double seconds, long peakMb, long baseMb) {
        return new Measurement(new double[] {seconds, seconds, seconds}, peakMb << 20, baseMb << 20, "");
    }

    @Test
    void speedFloorComparesPeerOverTomolyteWithTheFloor() {
        long vox = 100L << 20;
        assertEquals(Row.Met.YES, Floors.evaluate(EDT, SCIPY, m(2, 400, 50), m(40, 1, 1), vox, vox));
        assertEquals(Row.Met.NO, Floors.evaluate(EDT, SCIPY, m(2.5, 400, 50), m(40, 1, 1), vox, vox));
    }

    @Test
    void memoryFloorIsInputPlusBytesPerVoxelAboveTheBaseline() {
        long vox = 100L << 20; // input 100 MB, floor 100 + 500 MB above the baseline
        assertEquals(Row.Met.YES, Floors.evaluate(EDT, SCIPY, m(1, 650, 50), m(40, 1, 1), vox, vox));
        assertEquals(Row.Met.NO, Floors.evaluate(EDT, SCIPY, m(1, 651, 50), m(40, 1, 1), vox, vox));
        assertEquals(Row.Met.NO, Floors.evaluate(EDT, null, m(1, 651, 50), null, vox, vox));
        assertEquals(Row.Met.UNKNOWN, Floors.evaluate(EDT, null, new Measurement(new double[] {1}, 10, -1, ""), null, vox, vox));
    }

    @Test
    void missingSidesAreUnknownAndNoFloorIsNone() {
        long vox = 1000;
        assertEquals(Row.Met.UNKNOWN, Floors.evaluate(EDT, SCIPY, m(1, 1, 1), null, vox, vox));
        assertEquals(Row.Met.UNKNOWN, Floors.evaluate(EDT, SCIPY, Measurement.failed("boom"), m(1, 1, 1), vox, vox));
        assertEquals(Row.Met.NONE, Floors.evaluate(PLAIN, PLAIN.peers().getFirst(), m(1, 1, 1), m(1, 1, 1), vox, vox));
        assertEquals("", Floors.text(PLAIN));
        assertEquals(">=20x scipy; mem<=input+5B/vox", Floors.text(EDT, SCIPY));
    }
}
