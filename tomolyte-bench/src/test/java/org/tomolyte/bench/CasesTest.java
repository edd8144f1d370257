package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;

class CasesTest {

    /**
     * Cases timed without a peer: the tortuosity peer, TauFactor, needs PyTorch, which this machine
     * cannot install; its values are compared with TauFactor's published ones in the analysis tests.
     */
    private static final Set<String> WITHOUT_PEER = Set.of("tortuosity");

    @Test
    void namesAreUniqueAndEveryCaseHasAPeer() {
        Set<String> names = new HashSet<>();
        for (Case c : Cases.all()) {
            assertTrue(names.add(c.name()), "duplicate case " + c.name());
            assertTrue(c.peers().isEmpty() == WITHOUT_PEER.contains(c.name()), c.name() + ": peers " + c.peers());
            assertFalse(c.timed().isEmpty(), c.name());
        }
    }

    @Test
    void floorsAreThoseOfTheIssue() {
        assertEquals(Map.of("scipy", 5.0, "imagej", 3.0), floors("gaussian"));
        assertEquals(Map.of("scipy", 20.0, "imagej", 15.0), floors("median"));
        assertEquals(Map.of("skimage", 3.0), floors("otsu"));
        assertEquals(Map.of("skimage", 3.0, "scipy", 3.0), floors("label"));
        assertEquals(Map.of("skimage", 4.0), floors("remove_small"));
        assertEquals(Map.of("scipy", 20.0), floors("edt"));
        assertEquals(5.0, Cases.byName("edt").maxExtraBytesPerVoxel());
        assertFalse(Cases.byName("gaussian").hasMemoryFloor());
        assertEquals(">=5x scipy; >=3x imagej", Floors.text(Cases.byName("gaussian")));
    }

    @Test
    void casesCallTheIssueOpIdsWithProtocolParameters() {
        Case g = Cases.byName("gaussian");
        assertEquals(Step.of("filter.gaussian", Map.of("sigma_um", BenchPhantom.SPACING_UM)), g.timed().getFirst());
        assertEquals(InputKind.GREY, g.input());
        Case small = Cases.byName("remove_small");
        assertEquals("labels.filter", small.timedOps(), "one op: a mask in, labelled and filtered, as remove_small_objects");
        assertEquals(List.of("labels.filter"), small.opIds());
        Case props = Cases.byName("properties");
        assertEquals(List.of("labels.connected", "labels.properties"), props.opIds());
        assertEquals("labels.properties", props.timedOps());
        assertEquals(Map.of("connectivity", 26), Cases.byName("label").timed().getFirst().params());
    }

    @Test
    void scipyEdtIsSkippedAbove512Cubed() {
        Peer scipy = Cases.byName("edt").peers().getFirst();
        assertTrue(512L * 512 * 512 <= scipy.maxVoxels());
        assertTrue(1024L * 1024 * 512 > scipy.maxVoxels());
        assertTrue(scipy.skipNote().contains("22 GB"));
    }

    @Test
    void selectKeepsOrderDropsRepeatsAndNamesUnknownCases() {
        assertEquals(List.of("otsu", "gaussian"), Cases.select(List.of("otsu", " gaussian", "otsu")).stream().map(Case::name).toList());
        assertEquals(Cases.all(), Cases.select(List.of()));
        ParameterException e = assertThrows(ParameterException.class, () -> Cases.select(List.of("gauss")));
        assertTrue(e.getMessage().contains("unknown case 'gauss'") && e.getMessage().contains("gaussian, median"), e.getMessage());
    }

    @Test
    void casesValidateTheirData() {
        assertThrows(ParameterException.class, () -> new Case("Bad Name", "", InputKind.GREY, List.of(), List.of(Step.of("a.b")),
                List.of(), Double.NaN));
        assertThrows(ParameterException.class, () -> new Case("x", "", InputKind.GREY, List.of(), List.of(), List.of(), Double.NaN));
        assertThrows(ParameterException.class, () -> Peer.python("scipy", "", "r = a", -1));
        assertThrows(ParameterException.class, () -> Step.of(" "));
    }

    private static Map<String, Double> floors(String name) {
        Map<String, Double> m = new java.util.HashMap<>();
        for (Peer p : Cases.byName(name).peers()) {
            if (p.hasFloor()) {
                m.put(p.tool(), p.floor());
            }
        }
        return m;
    }
}
