package org.tomolyte.image.threshold;

/**
 * Which side of a threshold {@code t} becomes foreground (1). Follows scikit-image's convention
 * {@code image > t} for the bright side: {@link #ABOVE} selects {@code v > t}, {@link #BELOW}
 * selects {@code v <= t} (pores and cracks are dark in X-ray CT).
 */
public enum Select {
    /** Voxels with value &gt; t. */
    ABOVE,
    /** Voxels with value &lt;= t. */
    BELOW;

    /** True when {@code v} is selected for threshold {@code t}. NaN is never selected. */
    public boolean test(double v, double t) {
        return this == ABOVE ? v > t : v <= t;
    }
}
