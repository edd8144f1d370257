package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.ParameterException;

class StatsTest {

    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(5.0, Stats.median(new double[] {5}));
        assertEquals(0.3, Stats.median(new double[] {0.9, 0.3, 0.1, 0.2, 0.4}));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertEquals(1.5, Stats.median(new double[] {2, 1}));
    }

    @Test
    void medianLeavesItsArgumentAlone() {
        double[] v = {3, 1, 2};
        Stats.median(v);
        assertArrayEquals(new double[] {3, 1, 2}, v);
    }

    @Test
    void medianRefusesNoValuesAndNaN() {
        assertTrue(assertThrows(ParameterException.class, () -> Stats.median(new double[0])).getMessage().contains("at least one"));
        assertThrows(ParameterException.class, () -> Stats.median(new double[] {1, Double.NaN, 2}));
    }
}
