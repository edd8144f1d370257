package org.tomolyte.echem.join;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;
import org.tomolyte.echem.eclab.Tables;

/**
 * Joins a left table (e.g. an image-series table: one row per scan with its time) with a right
 * table (e.g. an electrochemistry record) on a key column. Every row of the left table is kept and
 * receives the right table's numeric columns:
 * <ul>
 * <li>{@link Method#NEAREST}: the right row whose key is nearest to the left key (the earlier row on a tie);</li>
 * <li>{@link Method#LINEAR}: linear interpolation between the two right rows around the left key, NaN outside the right
 *     table's key range (right keys must not decrease);</li>
 * <li>{@link Method#EXACT}: the first right row whose key equals the left key (numbers compared as numbers, text as
 *     text), NaN when there is none; for tables of samples (porosity per sample with charge to failure per sample,
 *     paper 001 Fig. 3b).</li>
 * </ul>
 * Right columns whose name is taken by a left column are renamed {@code echem_<name>}. The right
 * key column itself is not copied.
 */
public final class TableJoin {

    private TableJoin() {
    }

    /** How left rows find right rows. */
    public enum Method {
        /** Nearest key. */
        NEAREST,
        /** Linear interpolation in the key. */
        LINEAR,
        /** Equal keys. */
        EXACT
    }

    /**
     * Joins.
     *
     * @param left      table whose rows are kept
     * @param leftKey   its key column
     * @param right     table whose numeric columns are brought in
     * @param rightKey  its key column
     * @param offset    added to numeric left keys before matching (e.g. the time of the first scan on the cell's clock)
     * @param columns   right columns to bring (null or empty: every numeric column but the key)
     * @param method    how rows are matched
     * @param name      name of the result table
     */
    public static Table join(Table left, String leftKey, Table right, String rightKey, double offset, List<String> columns, Method method,
            String name) {
        if (!Tables.has(left, leftKey)) {
            throw new InputException("table '" + left.name() + "' has no column '" + leftKey + "'; its columns: " + String.join(", ", Tables.names(left)));
        }
        if (!Tables.has(right, rightKey)) {
            throw new InputException("table '" + right.name() + "' has no column '" + rightKey + "'; its columns: "
                    + String.join(", ", Tables.names(right)));
        }
        List<String> bring = new ArrayList<>();
        if (columns == null || columns.isEmpty()) {
            for (Table.Column c : right.columns()) {
                if (!c.name().equals(rightKey) && c.kind() != Table.Kind.TEXT) {
                    bring.add(c.name());
                }
            }
        } else {
            for (String c : columns) {
                Tables.required(right, c, "a column to join");
                bring.add(c);
            }
        }
        int n = left.rowCount();
        int m = right.rowCount();
        int[] lo = new int[n];
        int[] hi = new int[n];
        double[] w = new double[n];
        int lk = left.columnIndex(leftKey);
        int rk = right.columnIndex(rightKey);
        if (method == Method.EXACT) {
            Map<String, Integer> index = new HashMap<>();
            for (int r = m - 1; r >= 0; r--) {
                index.put(key(right.value(r, rk), 0), r);
            }
            for (int i = 0; i < n; i++) {
                Integer r = index.get(key(left.value(i, lk), offset));
                lo[i] = hi[i] = r == null ? -1 : r;
            }
        } else {
            double[] lt = Tables.numbers(left, leftKey);
            double[] rt = Tables.numbers(right, rightKey);
            for (int r = 1; r < m; r++) {
                if (rt[r] < rt[r - 1]) {
                    throw new InputException("table '" + right.name() + "': column '" + rightKey + "' decreases at row " + r + " (" + rt[r]
                            + " after " + rt[r - 1] + "); sort it first");
                }
            }
            for (int i = 0; i < n; i++) {
                double x = lt[i] + offset;
                int j = upper(rt, x);
                if (method == Method.NEAREST) {
                    int best;
                    if (m == 0) {
                        best = -1;
                    } else if (j == 0) {
                        best = 0;
                    } else if (j == m) {
                        best = m - 1;
                    } else {
                        best = x - rt[j - 1] <= rt[j] - x ? j - 1 : j;
                    }
                    lo[i] = hi[i] = best;
                } else {
                    if (m == 0 || x < rt[0] || x > rt[m - 1]) {
                        lo[i] = hi[i] = -1;
                    } else if (j == m || rt[j - 1] == x) {
                        lo[i] = hi[i] = j - 1;
                    } else {
                        lo[i] = j - 1;
                        hi[i] = j;
                        w[i] = (x - rt[j - 1]) / (rt[j] - rt[j - 1]);
                    }
                }
            }
        }
        List<Tables.Added> added = new ArrayList<>();
        for (String c : bring) {
            double[] v = Tables.numbers(right, c);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = lo[i] < 0 ? Double.NaN : lo[i] == hi[i] ? v[lo[i]] : v[lo[i]] + w[i] * (v[hi[i]] - v[lo[i]]);
            }
            String nm = Tables.has(left, c) ? "echem_" + c : c;
            Table.Column col = right.columns().get(right.columnIndex(c));
            added.add(Tables.Added.real(nm, col.unit(), "joined from '" + right.name() + "' column '" + c + "' (" + method.name().toLowerCase(
                    java.util.Locale.ROOT) + ")", out));
        }
        return Tables.append(left, name, added);
    }

    /** Index of the first element greater than x (values sorted ascending). */
    private static int upper(double[] v, double x) {
        int a = 0;
        int b = v.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (v[mid] <= x) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    private static String key(Object v, double offset) {
        if (v instanceof Number num) {
            double d = num.doubleValue() + offset;
            return d == Math.rint(d) && Math.abs(d) < 9e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return String.valueOf(v);
    }
}
