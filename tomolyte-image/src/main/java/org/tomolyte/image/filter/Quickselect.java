package org.tomolyte.image.filter;

/**
 * Quickselect (Hoare partition, median-of-three pivot) on ints: the {@code k}-th smallest of
 * {@code a[0..n)} in expected linear time. Floats are selected through order-preserving int keys
 * (for non-negative floats the raw bits already are such keys).
 */
final class Quickselect {

    private Quickselect() {
    }

    /** The {@code k}-th smallest of {@code a[0..n)} (reorders {@code a}). */
    static int select(int[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            int p0 = a[lo];
            int p1 = a[mid];
            int p2 = a[hi];
            int pivot = Math.max(Math.min(p0, p1), Math.min(Math.max(p0, p1), p2));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
