package org.tomolyte.core.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;

class ParamBinderTest {

    enum Mode { FAST, EXACT }

    record Params(
            @Param(doc = "smoothing", unit = "um", min = 0, minExclusive = true) double sigmaUm,
            @Param(doc = "count", defaultValue = "3", min = 1, max = 10) int count,
            @Param(doc = "mode", defaultValue = "fast") Mode mode,
            @Param(doc = "optional value", optional = true) Double value,
            @Param(doc = "per axis", defaultValue = "1") double[] sizeUm) {
        Params {
            Check.greater("sigma_um", sigmaUm, 0);
        }
    }

    @Test
    void bindsSnakeCaseKeysDefaultsEnumsAndLists() {
        Params p = ParamBinder.bind(Params.class, Map.of("sigma_um", 1.5, "mode", "EXACT", "size_um", List.of(1, 2, 3.5)));
        assertEquals(1.5, p.sigmaUm());
        assertEquals(3, p.count());
        assertEquals(Mode.EXACT, p.mode());
        assertNull(p.value());
        assertArrayEquals(new double[] {1, 2, 3.5}, p.sizeUm());
    }

    @Test
    void rejectsWithMessagesThatNameTheParameter() {
        assertMessage(Map.of("count", 2), "sigma_um is required (number, um)");
        assertMessage(Map.of("sigma_um", -1), "sigma_um must be > 0 um, got -1");
        assertMessage(Map.of("sigma_um", 1, "count", 11), "count must be in 1..10, got 11");
        assertMessage(Map.of("sigma_um", 1, "count", 2.5), "count must be a whole number, got 2.5");
        assertMessage(Map.of("sigma_um", 1, "mode", "slow"), "mode must be one of fast|exact, got 'slow'");
        assertMessage(Map.of("sigma_um", 1, "sigma", 2), "unknown parameter 'sigma'; known: count, mode, sigma_um, size_um, value");
        assertMessage(Map.of("sigma_um", "abc"), "sigma_um must be a number, got 'abc'");
    }

    @Test
    void describesEveryParameterForTheOpsListing() {
        List<ParamInfo> info = ParamBinder.describe(Params.class);
        assertEquals(List.of("sigma_um", "count", "mode", "value", "size_um"), info.stream().map(ParamInfo::name).toList());
        assertEquals("> 0", info.get(0).range());
        assertEquals("1..10", info.get(1).range());
        assertEquals("fast|exact", info.get(2).range());
        assertTrue(info.get(3).optional());
        assertEquals("3", info.get(1).defaultValue());
    }

    private static void assertMessage(Map<String, ?> raw, String expected) {
        ParameterException e = assertThrows(ParameterException.class, () -> ParamBinder.bind(Params.class, raw));
        assertEquals(expected, e.getMessage());
    }
}
