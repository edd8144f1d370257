package org.tomolyte.echem.eclab;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.Table;

/**
 * The canonical view of electrochemistry data: the columns the analyses use, with Tomolyte
 * names and units, taken from EC-Lab's columns (or already present under the canonical name,
 * e.g. in a CSV written by Tomolyte or mapped by {@link CsvMapping}).
 *
 * <table>
 * <caption>canonical column, unit, source (first present wins)</caption>
 * <tr><th>column</th><th>unit</th><th>from</th></tr>
 * <tr><td>{@code time_s}</td><td>s</td><td>{@code time/s}</td></tr>
 * <tr><td>{@code Ewe_V}</td><td>V</td><td>{@code Ewe/V}, {@code <Ewe>/V}</td></tr>
 * <tr><td>{@code I_mA}</td><td>mA</td><td>{@code I/mA}, {@code <I>/mA}, {@code |I|/A} is not used (an amplitude)</td></tr>
 * <tr><td>{@code Q_mAh}</td><td>mAh</td><td>{@code (Q-Qo)/mA.h}, {@code (Q-Qo)/C} / 3.6</td></tr>
 * <tr><td>{@code cycle}</td><td></td><td>{@code cycle number}</td></tr>
 * <tr><td>{@code half_cycle}</td><td></td><td>{@code half cycle}</td></tr>
 * <tr><td>{@code freq_Hz}</td><td>Hz</td><td>{@code freq/Hz}</td></tr>
 * <tr><td>{@code Re_Z_Ohm}</td><td>Ohm</td><td>{@code Re(Z)/Ohm}</td></tr>
 * <tr><td>{@code minus_Im_Z_Ohm}</td><td>Ohm</td><td>{@code -Im(Z)/Ohm}</td></tr>
 * </table>
 * Columns with no source are left out. Cycle numbers are whole numbers (EC-Lab stores them as reals).
 */
public final class Canonical {

    private Canonical() {
    }

    /** Canonical column names, in view order. */
    public static final List<String> NAMES = List.of("time_s", "Ewe_V", "I_mA", "Q_mAh", "cycle", "half_cycle", "freq_Hz", "Re_Z_Ohm",
            "minus_Im_Z_Ohm");

    /** The canonical view of {@code t}, as a table named {@code name}. */
    public static Table view(Table t, String name) {
        List<Tables.Added> cols = new ArrayList<>();
        real(t, cols, "time_s", "s", "time since the start of the experiment", 1, "time_s", "time/s");
        real(t, cols, "Ewe_V", "V", "working electrode potential", 1, "Ewe_V", "Ewe/V", "<Ewe>/V");
        real(t, cols, "I_mA", "mA", "current, positive = oxidation (charge)", 1, "I_mA", "I/mA", "<I>/mA");
        if (!real(t, cols, "Q_mAh", "mAh", "charge passed since the start", 1, "Q_mAh", "(Q-Qo)/mA.h")) {
            real(t, cols, "Q_mAh", "mAh", "charge passed since the start", 1 / 3.6, "(Q-Qo)/C");
        }
        integer(t, cols, "cycle", "cycle number", "cycle", "cycle number");
        integer(t, cols, "half_cycle", "half cycle number", "half_cycle", "half cycle");
        real(t, cols, "freq_Hz", "Hz", "frequency", 1, "freq_Hz", "freq/Hz");
        real(t, cols, "Re_Z_Ohm", "Ohm", "real part of the impedance", 1, "Re_Z_Ohm", "Re(Z)/Ohm");
        real(t, cols, "minus_Im_Z_Ohm", "Ohm", "minus the imaginary part of the impedance", 1, "minus_Im_Z_Ohm", "-Im(Z)/Ohm");
        return Tables.of(name, cols);
    }

    private static boolean real(Table t, List<Tables.Added> cols, String name, String unit, String doc, double scale, String... from) {
        String src = Tables.first(t, from);
        if (src == null) {
            return false;
        }
        double[] v = Tables.numbers(t, src);
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        cols.add(Tables.Added.real(name, unit, doc + " (from '" + src + "')", v));
        return true;
    }

    private static void integer(Table t, List<Tables.Added> cols, String name, String doc, String... from) {
        String src = Tables.first(t, from);
        if (src == null) {
            return;
        }
        double[] v = Tables.numbers(t, src);
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = Math.round(v[i]);
        }
        cols.add(Tables.Added.integer(name, "", doc + " (from '" + src + "')", l));
    }
}
