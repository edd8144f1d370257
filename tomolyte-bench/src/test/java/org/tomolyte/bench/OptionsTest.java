package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

class OptionsTest {

    @Test
    void defaultsAre512CubedOnTwoThreadsMedianOfThree() {
        Options o = Options.parse();
        assertEquals(List.of(new Dims(512, 512, 512)), o.sizes());
        assertFalse(o.sizes().contains(new Dims(1024, 1024, 512)), "the large size must be asked for");
        assertEquals(2, o.threads());
        assertEquals(3, o.reps());
        assertEquals(Path.of("bench-results", "data"), o.data());
        assertTrue(o.wantsPeer("scipy") && o.wantsPeer("imagej"));
    }

    @Test
    void parsesEveryOption() {
        Options o = Options.parse("--sizes", "256,1024x1024x512", "--threads", "1", "--cases", "otsu,edt", "--reps", "5", "--warmup", "0",
                "--peers", "skimage", "--out", "o", "--data", "d", "--timeout", "60", "--child-heap", "512m", "--seed", "7");
        assertEquals(List.of(new Dims(256, 256, 256), new Dims(1024, 1024, 512)), o.sizes());
        assertEquals(List.of("otsu", "edt"), o.cases());
        assertEquals(Set.of("skimage"), o.peers());
        assertTrue(o.wantsPeer("skimage"));
        assertFalse(o.wantsPeer("scipy"));
        assertEquals(Path.of("d"), o.data());
        assertEquals(7, o.seed());
        assertFalse(Options.parse("--no-peers").wantsPeer("scipy"));
        assertEquals("512^3", Options.sizeLabel(new Dims(512, 512, 512)));
        assertEquals("1024x1024x512", Options.sizeLabel(new Dims(1024, 1024, 512)));
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        assertMessage("unknown option '--size'", "--size", "5");
        assertMessage("--threads must be in 1..1024, got 0", "--threads", "0");
        assertMessage("--reps must be a whole number, got 'x'", "--reps", "x");
        assertMessage("--sizes entries must be N or NXxNYxNZ, got '5y5'", "--sizes", "5y5");
        assertMessage("--peers must name scipy, skimage, numpy or imagej, got 'matlab'", "--peers", "matlab");
        assertMessage("--out needs a value", "--out");
    }

    private static void assertMessage(String expected, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> Options.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
