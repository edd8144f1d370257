package org.tomolyte.echem.eis;

import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * An impedance spectrum: frequency (Hz), real part (Ohm) and minus the imaginary part (Ohm) of
 * the impedance at each point. The sign follows EC-Lab's column {@code -Im(Z)/Ohm}: a
 * capacitive arc has positive {@code minusIm}.
 *
 * @param freqHz  frequencies in Hz, &gt; 0
 * @param re      Re(Z) in Ohm
 * @param minusIm -Im(Z) in Ohm
 */
public record Spectrum(double[] freqHz, double[] re, double[] minusIm) {

    /** Column names of an impedance table. */
    public static final String FREQ = "freq_Hz";
    /** Re(Z) column. */
    public static final String RE = "Re_Z_Ohm";
    /** -Im(Z) column (EC-Lab convention). */
    public static final String MINUS_IM = "minus_Im_Z_Ohm";

    public Spectrum {
        if (freqHz.length != re.length || re.length != minusIm.length) {
            throw new InputException("impedance spectrum columns differ in length: " + freqHz.length + ", " + re.length + ", " + minusIm.length);
        }
        for (int i = 0; i < freqHz.length; i++) {
            if (!(freqHz[i] > 0) || !Double.isFinite(freqHz[i]) || !Double.isFinite(re[i]) || !Double.isFinite(minusIm[i])) {
                throw new InputException("impedance spectrum row " + i + " must have finite values and frequency > 0, got f="
                        + freqHz[i] + " Hz, Re=" + re[i] + ", -Im=" + minusIm[i]);
            }
        }
    }

    /** Reads columns {@code freq_Hz}, {@code Re_Z_Ohm}, {@code minus_Im_Z_Ohm} of a table. */
    public static Spectrum of(Table t) {
        for (String c : List.of(FREQ, RE, MINUS_IM)) {
            if (t.columns().stream().noneMatch(col -> col.name().equals(c))) {
                throw new InputException("impedance table '" + t.name() + "' needs columns freq_Hz, Re_Z_Ohm, minus_Im_Z_Ohm; '" + c + "' is missing");
            }
        }
        int n = t.rowCount();
        double[] f = new double[n];
        double[] re = new double[n];
        double[] mi = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = t.number(i, FREQ);
            re[i] = t.number(i, RE);
            mi[i] = t.number(i, MINUS_IM);
        }
        return new Spectrum(f, re, mi);
    }

    /** Number of points. */
    public int size() {
        return freqHz.length;
    }

    /** Impedance at point i (Im = -minusIm). */
    public Complex z(int i) {
        return new Complex(re[i], -minusIm[i]);
    }

    /** The points with -Im(Z) &gt; 0 (capacitive), as impedance.py's {@code f[Z.imag < 0]}. */
    public Spectrum capacitiveOnly() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (minusIm[i] > 0) {
                keep.add(i);
            }
        }
        return subset(keep);
    }

    /** The points in index order {@code keep}. */
    Spectrum subset(List<Integer> keep) {
        double[] f = new double[keep.size()];
        double[] r = new double[keep.size()];
        double[] m = new double[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            f[k] = freqHz[keep.get(k)];
            r[k] = re[keep.get(k)];
            m[k] = minusIm[keep.get(k)];
        }
        return new Spectrum(f, r, m);
    }

    /** The spectrum sorted by decreasing frequency. */
    public Spectrum sortedByDecreasingFrequency() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Double.compare(freqHz[b], freqHz[a]));
        return subset(idx);
    }
}
