package org.tomolyte.echem.eclab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tomolyte.core.Table;

/**
 * The charge/discharge bookkeeping columns that EC-Lab computes when it exports an {@code .mpr}, worked out
 * from EC-Lab's own exports of the yadg test files (CA, CP, GCPL and Modulo Bat runs of EC-Lab 11.33 to
 * 11.61), each reproducing every row of every export that has it. All are kept in double precision, as the
 * export prints them (16 digits), except {@code Efficiency/%}, which it prints in single precision.
 *
 * <p>Terms: a <em>half cycle</em> is a run of rows with the same {@code half cycle} value; its rows are
 * <em>charge</em> rows where {@code Q charge/discharge/mA.h} (Q) is positive and <em>discharge</em> rows
 * where Q is negative; a <em>cycle</em> is a run of rows with the same {@code cycle number}; a row is
 * <em>at rest</em> when its {@code mode} is 3.
 * <ul>
 * <li>{@code Energy charge/W.h}, {@code Energy discharge/W.h}: running sums, over the charge (resp. discharge)
 *     rows of the current cycle, of the energy of each row: the change of the stored {@code |Energy|/W.h} when the
 *     file has it (Modulo Bat), else {@code |Ewe dQ| / 1000} with dQ the change of Q since the previous row of the
 *     half cycle (Q itself on its first row, 0 on the first row of a loop of the {@code VMP loop} module other than
 *     the file's first row, where EC-Lab restarts Q-Qo); both are 0 at the start of every cycle and held through the
 *     other half cycle.</li>
 * <li>{@code Capacitance charge/µF}, {@code Capacitance discharge/µF}: {@code |Q| 3.6 / |Ewe - E0|} in µF on
 *     charge (resp. discharge) rows not at rest, E0 being {@code Ewe} on the first row of the half cycle with Q
 *     not 0; 0 on that row (and wherever Ewe = E0); held at rest and through the other half cycle; 0 at the start
 *     of every cycle. Modulo Bat exports print 0 throughout.</li>
 * <li>{@code Efficiency/%}: on the last row of each cycle (and the file's last row)
 *     {@code 100 Qd / Qc}, Qc the last Q of the cycle's charge rows and Qd minus the last Q of its discharge rows
 *     (0 when the cycle has no charge), 0 on every other row.</li>
 * <li>{@code step time/s}: {@code time/s} minus the time of the first row of the half cycle (the time itself in
 *     the file's first half cycle), 0 at rest. Exported only by EC-Lab 11.50 and later (new module layout).</li>
 * <li>{@code x} (Modulo Bat): {@code x0 - (Q-Qo) / DQ}, x0 and DQ = n F m / M (the charge that changes x by one)
 *     from the cell characteristics of the settings module ({@link EcLabCell}).</li>
 * </ul>
 * Files with a {@code freq/Hz} column get only {@code Efficiency/%} and {@code x}: their exports have none of the
 * energy, capacitance and step time columns.
 */
final class EcLabCycleColumns {

    private EcLabCycleColumns() {
    }

    /** Rest mode of the {@code mode} flag. */
    private static final double REST = 3;

    /**
     * What the columns depend on besides the data.
     *
     * @param technique  the technique name ({@link MprReader#TECHNIQUES})
     * @param loopStarts first row of each loop of the {@code VMP loop} module (empty when there is none)
     * @param newLayout  true for the module layout of EC-Lab 11.50 and later
     * @param cell       cell characteristics of the settings module, or null when not read
     */
    record Context(String technique, long[] loopStarts, boolean newLayout, EcLabCell cell) {
        Context {
            loopStarts = loopStarts.clone();
        }

        /** A context for data without settings or loops. */
        static Context of(String technique) {
            return new Context(technique, new long[0], false, null);
        }
    }

    /** The columns above that {@code t} lacks and can be computed, each with its values. */
    static List<Tables.Added> derive(Table t, Context c) {
        List<Tables.Added> out = new ArrayList<>();
        int n = t.rowCount();
        boolean mb = c.technique().equals(MprReader.TECHNIQUES.get(127));
        if (mb && !Tables.has(t, "x") && c.cell() != null && c.cell().chargePerX_mAh() > 0) {
            String qq = Tables.first(t, "(Q-Qo)/mA.h", "(Q-Qo)/C");
            if (qq != null) {
                double[] q = Tables.numbers(t, qq);
                double scale = qq.endsWith("/C") ? 1 / 3.6 : 1;
                double dq = c.cell().chargePerX_mAh();
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = c.cell().x0() - q[k] * scale / dq;
                }
                out.add(Tables.Added.real("x", "", "insertion degree x0 - (Q-Qo)/DQ from the cell characteristics", x));
            }
        }
        if (!Tables.has(t, "Q charge/discharge/mA.h") || !Tables.has(t, "half cycle")) {
            return out;
        }
        boolean impedance = Tables.has(t, "freq/Hz");
        double[] q = Tables.numbers(t, "Q charge/discharge/mA.h");
        double[] half = Tables.numbers(t, "half cycle");
        double[] cycle = Tables.has(t, "cycle number") ? Tables.numbers(t, "cycle number") : Arrays.stream(half).map(h -> Math.floor(h / 2)).toArray();
        double[] mode = Tables.has(t, "mode") ? Tables.numbers(t, "mode") : new double[n];
        double[] time = Tables.has(t, "time/s") ? Tables.numbers(t, "time/s") : null;
        String eName = Tables.first(t, "Ewe/V", "<Ewe>/V");
        double[] ewe = eName != null ? Tables.numbers(t, eName) : null;
        double[] stored = Tables.has(t, "|Energy|/W.h") ? Tables.numbers(t, "|Energy|/W.h") : null;
        boolean[] loopStart = new boolean[n];
        for (long s : c.loopStarts()) {
            if (s > 0 && s < n) {
                loopStart[(int) s] = true;
            }
        }
        double[] eCharge = new double[n];
        double[] eDischarge = new double[n];
        double[] cCharge = new double[n];
        double[] cDischarge = new double[n];
        double[] efficiency = new double[n];
        double[] step = new double[n];
        double ec = 0;
        double ed = 0;
        double cc = 0;
        double cd = 0;
        double qc = 0;
        double qd = 0;
        double e0 = Double.NaN;
        double t0 = 0;
        for (int k = 0; k < n; k++) {
            boolean newHalf = k == 0 || half[k] != half[k - 1];
            if (k == 0 || cycle[k] != cycle[k - 1]) {
                ec = ed = cc = cd = qc = qd = 0;
            }
            if (newHalf) {
                e0 = Double.NaN;
                if (k > 0 && time != null) {
                    t0 = time[k];
                }
            }
            if (time != null) {
                step[k] = mode[k] == REST ? 0 : time[k] - t0;
            }
            if (ewe != null && Double.isNaN(e0) && q[k] != 0) {
                e0 = ewe[k];
            }
            double energy;
            if (stored != null) {
                energy = stored[k] - (k == 0 ? 0 : stored[k - 1]);
            } else {
                double dq = loopStart[k] ? 0 : q[k] - (newHalf ? 0 : q[k - 1]);
                energy = ewe == null ? 0 : Math.abs(ewe[k] * dq) / 1000.0;
            }
            double cap = Double.NaN;
            if (mode[k] != REST && ewe != null) {
                cap = mb || Double.isNaN(e0) || ewe[k] == e0 ? 0 : Math.abs(q[k] * 3.6 / (ewe[k] - e0)) * 1e6;
            }
            if (q[k] > 0) {
                ec += energy;
                cc = Double.isNaN(cap) ? cc : cap;
                qc = q[k];
            } else if (q[k] < 0) {
                ed += energy;
                cd = Double.isNaN(cap) ? cd : cap;
                qd = -q[k];
            }
            eCharge[k] = ec;
            eDischarge[k] = ed;
            cCharge[k] = cc;
            cDischarge[k] = cd;
            if (k == n - 1 || cycle[k + 1] != cycle[k]) {
                efficiency[k] = qc > 0 ? (double) (float) (qd / qc * 100) : 0;
            }
        }
        if (!impedance && (ewe != null || stored != null)) {
            addIfMissing(t, out, "Energy charge/W.h", "W.h", "energy of the charge half cycle of the current cycle", eCharge);
            addIfMissing(t, out, "Energy discharge/W.h", "W.h", "energy of the discharge half cycle of the current cycle", eDischarge);
        }
        if (!impedance && ewe != null) {
            addIfMissing(t, out, "Capacitance charge/\u00b5F", "\u00b5F", "Q / (Ewe - Ewe at the start) of the charge half cycle", cCharge);
            addIfMissing(t, out, "Capacitance discharge/\u00b5F", "\u00b5F", "Q / (Ewe - Ewe at the start) of the discharge half cycle",
                    cDischarge);
        }
        if (!impedance && time != null && c.newLayout()) {
            addIfMissing(t, out, "step time/s", "s", "time since the start of the half cycle (0 at rest)", step);
        }
        addIfMissing(t, out, "Efficiency/%", "%", "Q discharge / Q charge of the cycle, on its last row", efficiency);
        return out;
    }

    private static void addIfMissing(Table t, List<Tables.Added> out, String name, String unit, String description, double[] v) {
        if (!Tables.has(t, name)) {
            out.add(Tables.Added.real(name, unit, description, v));
        }
    }
}
