package org.tomolyte.echem.eclab;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.Table;

/**
 * Columns that EC-Lab does not store in the {@code .mpr} but computes when it exports the
 * {@code .mpt}, recomputed here from the stored columns so that an {@code .mpr} reads like its
 * export. Each is added only when missing and its inputs are present:
 * <ul>
 * <li>{@code Re(Z)/Ohm = |Z| cos(phi)}, {@code -Im(Z)/Ohm = -|Z| sin(phi)} (phi = {@code Phase(Z)/deg});</li>
 * <li>admittance Y = 1/Z: {@code Re(Y)/Ohm-1 = cos(phi)/|Z|}, {@code Im(Y)/Ohm-1 = -sin(phi)/|Z|},
 *     {@code |Y|/Ohm-1 = 1/|Z|}, {@code Phase(Y)/deg = -phi};</li>
 * <li>(not for PEIS, whose export has none of these) capacitance C = Y/(j omega) as EC-Lab signs it: {@code Re(C)/nF = -Im(Z)/(|Z|^2 omega)}, {@code Im(C)/nF = Re(Z)/(|Z|^2 omega)},
 *     {@code |C|/nF = |Y|/omega}, {@code Phase(C)/deg = Phase(Y) - 90}, omega = 2 pi f, in nF;</li>
 * <li>{@code Tan(Delta) = |Re(Z)/Im(Z)|} and {@code Loss Angle(Delta)/deg = 90 - |phi|};</li>
 * <li>{@code dq/mA.h}: the row-to-row change of {@code (Q-Qo)/mA.h} (the first row's value itself, 0 on the first row of a new {@code cycle number});</li>
 * <li>power {@code P/W = Ewe I} ({@code Pwe/W} in files with a frequency column), from {@code Ewe/V} or {@code <Ewe>/V}
 *     and {@code I/mA} or {@code <I>/mA}, except for PEIS (EC-Lab exports none there); resistance
 *     {@code R/Ohm = |Ewe / I|} ({@code Rwe/Ohm} with a frequency column; 0 where I = 0) for GEIS and Modulo Bat, the
 *     techniques whose export has it;</li>
 * <li>{@code Ewe-Ece/V} from {@code Ewe/V} (or {@code <Ewe>/V}) and {@code Ece/V} (or {@code <Ece>/V}), except for PEIS.</li>
 * </ul>
 * All are rounded to single precision, as EC-Lab computes and exports them; they agree with the
 * export to about 1e-7 relative, not always to the last printed digit.
 *
 * <p>The export also blanks the harmonic analysis of impedance points above 100 kHz ({@code THD},
 * {@code NSD}, {@code NSR} columns read -1, harmonic amplitudes {@code |Ewe hN|}, {@code |I hN|} read 0, as
 * the analysis is not valid there); the stored values are replaced the same way (observed threshold:
 * points at 93.5 kHz are kept, at 137 kHz blanked).
 *
 * <p>Cycle bookkeeping, kept in double precision as EC-Lab exports it:
 * {@code Q charge/mA.h} and {@code Q discharge/mA.h} (the positive, resp. negated negative, part of
 * {@code Q charge/discharge/mA.h}), {@code Capacity/mA.h = |Q charge/discharge|} (0 at impedance points under current control,
 * mode 1, as observed in a Modulo Bat export),
 * {@code cycle number = floor(half cycle / 2)} when not stored, and {@code control/V}, {@code control/mA}
 * ({@code control/V/mA} in potential control, mode 2, resp. current control, mode 1, else 0).
 *
 * <p>The energy, capacitance, efficiency, step time and insertion degree columns of charge/discharge runs are
 * {@link EcLabCycleColumns}, also kept in double precision.
 *
 * <p>Not recomputed: the real and imaginary parts and moduli of the complex modulus M, permittivity, resistivity
 * and conductivity. They scale with the cell constant (surface area over thickness), whose thickness is not
 * found in the settings module; every export at hand prints 0 for all of them (surface area 0 or 0.001 cm²), so
 * no formula can be checked against them. Their phases do not depend on the cell constant and are recomputed
 * (for the techniques that export the capacitance columns): {@code Phase(M)/deg = phi + 90} (M = j omega C0 Z),
 * {@code Phase(Permittivity)/deg = -(phi + 90)} (1/M), {@code Phase(Resistivity)/deg = phi} (Z A / L) and
 * {@code Phase(Conductivity)/deg = -phi}; EC-Lab prints them also where the moduli are 0 (phi = 0 gives 90, -90, 0, 0).
 */
final class EcLabDerived {

    private EcLabDerived() {
    }

    static Table complete(Table t, String technique) {
        return complete(t, EcLabCycleColumns.Context.of(technique));
    }

    static Table complete(Table t, EcLabCycleColumns.Context context) {
        String technique = context.technique();
        boolean peis = technique.equals(MprReader.TECHNIQUES.get(29));
        boolean withR = technique.equals(MprReader.TECHNIQUES.get(30)) || technique.equals(MprReader.TECHNIQUES.get(127));
        List<Tables.Added> add = new ArrayList<>();
        List<Tables.Added> bookkeeping = new ArrayList<>();
        int n = t.rowCount();
        boolean impedance = Tables.has(t, "freq/Hz");
        if (impedance && Tables.has(t, "|Z|/Ohm") && Tables.has(t, "Phase(Z)/deg")) {
            double[] mod = Tables.numbers(t, "|Z|/Ohm");
            double[] ph = Tables.numbers(t, "Phase(Z)/deg");
            double[] f = Tables.numbers(t, "freq/Hz");
            double[] re;
            double[] mim;
            if (Tables.has(t, "Re(Z)/Ohm") && Tables.has(t, "-Im(Z)/Ohm")) {
                re = Tables.numbers(t, "Re(Z)/Ohm");
                mim = Tables.numbers(t, "-Im(Z)/Ohm");
            } else {
                re = new double[n];
                mim = new double[n];
                for (int i = 0; i < n; i++) {
                    double a = Math.toRadians(ph[i]);
                    re[i] = mod[i] * Math.cos(a);
                    mim[i] = -mod[i] * Math.sin(a);
                }
                add.add(Tables.Added.real("Re(Z)/Ohm", "Ohm", "real part of the impedance", re));
                add.add(Tables.Added.real("-Im(Z)/Ohm", "Ohm", "minus the imaginary part of the impedance", mim));
            }
            double[] reY = new double[n];
            double[] imY = new double[n];
            double[] modY = new double[n];
            double[] phY = new double[n];
            double[] reC = new double[n];
            double[] imC = new double[n];
            double[] modC = new double[n];
            double[] phC = new double[n];
            double[] tan = new double[n];
            double[] loss = new double[n];
            double[] phM = new double[n];
            double[] phEps = new double[n];
            double[] phRho = new double[n];
            double[] phSigma = new double[n];
            for (int i = 0; i < n; i++) {
                double a = Math.toRadians(ph[i]);
                reY[i] = mod[i] > 0 ? Math.cos(a) / mod[i] : 0;
                imY[i] = mod[i] > 0 ? -Math.sin(a) / mod[i] : 0;
                modY[i] = mod[i] > 0 ? 1 / mod[i] : 0;
                phY[i] = -ph[i];
                double w = 2 * Math.PI * f[i];
                double m2w = mod[i] * mod[i] * w;
                reC[i] = m2w > 0 ? mim[i] / m2w * 1e9 : 0;
                imC[i] = m2w > 0 ? re[i] / m2w * 1e9 : 0;
                modC[i] = w > 0 ? modY[i] / w * 1e9 : 0;
                phC[i] = phY[i] - 90;
                tan[i] = mim[i] != 0 ? Math.abs(re[i] / mim[i]) : 0;
                loss[i] = 90 - Math.abs(ph[i]);
                phM[i] = ph[i] + 90;
                phEps[i] = -(ph[i] + 90);
                phRho[i] = ph[i];
                phSigma[i] = -ph[i];
            }
            add.add(Tables.Added.real("Re(Y)/Ohm-1", "Ohm-1", "real part of the admittance 1/Z", reY));
            add.add(Tables.Added.real("Im(Y)/Ohm-1", "Ohm-1", "imaginary part of the admittance 1/Z", imY));
            add.add(Tables.Added.real("|Y|/Ohm-1", "Ohm-1", "modulus of the admittance", modY));
            add.add(Tables.Added.real("Phase(Y)/deg", "deg", "phase of the admittance", phY));
            if (!peis) {
                add.add(Tables.Added.real("Re(C)/nF", "nF", "real part of the complex capacitance", reC));
                add.add(Tables.Added.real("Im(C)/nF", "nF", "imaginary part of the complex capacitance", imC));
                add.add(Tables.Added.real("|C|/nF", "nF", "modulus of the complex capacitance", modC));
                add.add(Tables.Added.real("Phase(C)/deg", "deg", "phase of the complex capacitance", phC));
                add.add(Tables.Added.real("Tan(Delta)", "", "loss tangent Re(Z)/Im(Z)", tan));
                add.add(Tables.Added.real("Loss Angle(Delta)/deg", "deg", "loss angle 90 - Phase(Z)", loss));
                add.add(Tables.Added.real("Phase(M)/deg", "deg", "phase of the complex modulus M = j omega C0 Z: Phase(Z) + 90", phM));
                add.add(Tables.Added.real("Phase(Permittivity)/deg", "deg", "phase of the complex permittivity 1/M: -(Phase(Z) + 90)", phEps));
                add.add(Tables.Added.real("Phase(Resistivity)/deg", "deg", "phase of the complex resistivity Z A / L: Phase(Z)", phRho));
                add.add(Tables.Added.real("Phase(Conductivity)/deg", "deg", "phase of the complex conductivity L / (Z A): -Phase(Z)", phSigma));
            }
        }
        if (!Tables.has(t, "dq/mA.h") && Tables.has(t, "(Q-Qo)/mA.h")) {
            double[] q = Tables.numbers(t, "(Q-Qo)/mA.h");
            double[] cyc = Tables.has(t, "cycle number") ? Tables.numbers(t, "cycle number") : new double[n];
            double[] dq = new double[n];
            for (int i = 0; i < n; i++) {
                dq[i] = i == 0 ? q[0] : cyc[i] != cyc[i - 1] ? 0 : q[i] - q[i - 1];
            }
            add.add(Tables.Added.real("dq/mA.h", "mA.h", "charge passed since the previous point", dq));
        }
        if (Tables.first(t, "I/mA", "<I>/mA") == null && Tables.has(t, "dq/mA.h") && Tables.has(t, "time/s")) {
            double[] dq = Tables.numbers(t, "dq/mA.h");
            double[] time = Tables.numbers(t, "time/s");
            double[] cur = new double[n];
            for (int k = 1; k < n; k++) {
                double dt = time[k] - time[k - 1];
                cur[k] = dt > 0 ? dq[k] * 3600.0 / dt : 0;
            }
            add.add(Tables.Added.real("<I>/mA", "mA", "mean current over the interval, dq/dt", cur));
        }
        String e = Tables.first(t, "Ewe/V", "<Ewe>/V");
        String i = Tables.first(t, "I/mA", "<I>/mA");
        String pName = impedance ? "Pwe/W" : "P/W";
        if (e != null && i != null && !peis) {
            double[] ev = Tables.numbers(t, e);
            double[] iv = Tables.numbers(t, i);
            if (!Tables.has(t, pName)) {
                double[] p = new double[n];
                for (int k = 0; k < n; k++) {
                    p[k] = ev[k] * iv[k] / 1000.0;
                }
                add.add(Tables.Added.real(pName, "W", "power Ewe I", p));
            }
            String rName = impedance ? "Rwe/Ohm" : "R/Ohm";
            if (!Tables.has(t, rName) && withR) {
                double[] r = new double[n];
                for (int k = 0; k < n; k++) {
                    r[k] = iv[k] != 0 ? Math.abs(ev[k] / (iv[k] / 1000.0)) : 0;
                }
                add.add(Tables.Added.real(rName, "Ohm", "resistance Ewe / I", r));
            }
        }
        if (Tables.has(t, "Q charge/discharge/mA.h")) {
            double[] q = Tables.numbers(t, "Q charge/discharge/mA.h");
            double[] f = impedance ? Tables.numbers(t, "freq/Hz") : new double[n];
            double[] mode = Tables.has(t, "mode") ? Tables.numbers(t, "mode") : new double[n];
            double[] qc = new double[n];
            double[] qd = new double[n];
            double[] cap = new double[n];
            for (int k = 0; k < n; k++) {
                qc[k] = q[k] > 0 ? q[k] : 0;
                qd[k] = q[k] < 0 ? -q[k] : 0;
                cap[k] = f[k] > 0 && mode[k] == 1 ? 0 : Math.abs(q[k]);
            }
            bookkeeping.add(Tables.Added.real("Q discharge/mA.h", "mA.h", "charge of the current discharge half cycle", qd));
            bookkeeping.add(Tables.Added.real("Q charge/mA.h", "mA.h", "charge of the current charge half cycle", qc));
            bookkeeping.add(Tables.Added.real("Capacity/mA.h", "mA.h", "|Q charge/discharge| (0 at galvanostatic impedance points)", cap));
        }
        if (Tables.has(t, "control/V/mA") && Tables.has(t, "mode") && !Tables.has(t, "control/V")) {
            double[] c = Tables.numbers(t, "control/V/mA");
            double[] mode = Tables.numbers(t, "mode");
            double[] cv = new double[n];
            double[] ci = new double[n];
            for (int k = 0; k < n; k++) {
                cv[k] = mode[k] == 2 ? c[k] : 0;
                ci[k] = mode[k] == 1 ? c[k] : 0;
            }
            bookkeeping.add(Tables.Added.real("control/V", "V", "control value in potential control (mode 2)", cv));
            bookkeeping.add(Tables.Added.real("control/mA", "mA", "control value in current control (mode 1)", ci));
        }
        if (Tables.has(t, "half cycle") && !Tables.has(t, "cycle number")) {
            double[] h = Tables.numbers(t, "half cycle");
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                c[k] = Math.floor(h[k] / 2);
            }
            bookkeeping.add(Tables.Added.real("cycle number", "", "half cycle / 2, rounded down", c));
        }
        bookkeeping.addAll(EcLabCycleColumns.derive(t, context));
        String ece = Tables.first(t, "Ece/V", "<Ece>/V");
        if (e != null && ece != null && !peis && !Tables.has(t, "Ewe-Ece/V")) {
            double[] ev = Tables.numbers(t, e);
            double[] cv = Tables.numbers(t, ece);
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = ev[k] - cv[k];
            }
            add.add(Tables.Added.real("Ewe-Ece/V", "V", "working minus counter electrode potential", d));
        }
        for (Tables.Added a : add) {
            if (bookkeeping.contains(a)) {
                continue;
            }
            Object[] v = a.values();
            for (int k = 0; k < v.length; k++) {
                v[k] = (double) (float) (double) (Double) v[k];
            }
        }
        add.addAll(bookkeeping);
        Table out = add.isEmpty() ? t : Tables.append(t, t.name(), add);
        return impedance ? blankHarmonics(out) : out;
    }

    /** Frequency above which EC-Lab's export blanks the harmonic analysis, Hz. */
    static final double HARMONICS_MAX_HZ = 100e3;

    private static Table blankHarmonics(Table t) {
        List<Integer> minusOne = new ArrayList<>();
        List<Integer> zero = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            String n = t.columns().get(c).name();
            if (n.startsWith("THD ") || n.startsWith("NSD ") || n.startsWith("NSR ")) {
                minusOne.add(c);
            } else if (n.matches("\\|(Ewe|I) h\\d+\\|/.*")) {
                zero.add(c);
            }
        }
        if (minusOne.isEmpty() && zero.isEmpty()) {
            return t;
        }
        double[] f = Tables.numbers(t, "freq/Hz");
        Table.Builder b = Table.builder(t.name());
        t.columns().forEach(c -> b.column(c.name(), c.unit(), c.kind(), c.description()));
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[t.columns().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = t.value(r, c);
            }
            if (f[r] > HARMONICS_MAX_HZ) {
                minusOne.forEach(c -> row[c] = -1.0);
                zero.forEach(c -> row[c] = 0.0);
            }
            b.row(row);
        }
        return b.build();
    }
}
