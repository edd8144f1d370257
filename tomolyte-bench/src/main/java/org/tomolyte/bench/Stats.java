package org.tomolyte.bench;

import java.util.Arrays;
import org.tomolyte.core.ParameterException;

/** Small statistics for timings. */
public final class Stats {

    private Stats() {
    }

    /**
     * The median of {@code values}: the middle value of the sorted values, or the mean of the two
     * middle values when their number is even. The argument is not modified.
     *
     * @param values at least one finite value
     * @return the median
     * @throws ParameterException when {@code values} is empty or holds a NaN
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new ParameterException("median of no values: at least one run is needed");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) {
            throw new ParameterException("median of values containing NaN: " + Arrays.toString(values));
        }
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
