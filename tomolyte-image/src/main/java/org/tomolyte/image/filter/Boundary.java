package org.tomolyte.image.filter;

/**
 * How a filter extends an image beyond its edges. Both modes mirror the image; they differ in
 * whether the edge voxel itself is repeated. Lines shorter than the extension are mirrored
 * again and again (the extension is periodic), as scipy and numpy do.
 */
public enum Boundary {

    /**
     * {@code d c b a | a b c d | d c b a}: the edge voxel is repeated. scipy.ndimage's default
     * {@code mode='reflect'}; used by the Gaussian, mean and median filters.
     */
    REFLECT,

    /**
     * {@code d c b | a b c d | c b a}: the edge voxel is not repeated. numpy's
     * {@code np.pad(mode='reflect')} (scipy.ndimage's {@code 'mirror'}); used by non-local
     * means as scikit-image pads its input.
     */
    MIRROR;

    /**
     * The index inside {@code 0..n-1} that index {@code i} (any integer) maps to.
     *
     * @param i an index, possibly outside the line
     * @param n the line length, &gt;= 1
     * @return the mapped index
     */
    public int map(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        if (n == 1) {
            return 0;
        }
        return switch (this) {
            case REFLECT -> {
                int m = Math.floorMod(i, 2 * n);
                yield m < n ? m : 2 * n - 1 - m;
            }
            case MIRROR -> {
                int period = 2 * n - 2;
                int m = Math.floorMod(i, period);
                yield m < n ? m : period - m;
            }
        };
    }
}
