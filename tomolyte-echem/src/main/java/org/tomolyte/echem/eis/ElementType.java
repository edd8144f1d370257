package org.tomolyte.echem.eis;

import java.util.List;

/**
 * Circuit elements of the {@link Circuit} language, with the impedance.py conventions
 * (angular frequency omega = 2 pi f in rad/s, j the imaginary unit).
 */
public enum ElementType {
    /** Resistor: Z = R. Parameter R in Ohm. */
    R("R", List.of(""), List.of("Ohm")),
    /** Capacitor: Z = 1 / (j omega C). Parameter C in F. */
    C("C", List.of(""), List.of("F")),
    /** Inductor: Z = j omega L. Parameter L in H. */
    L("L", List.of(""), List.of("H")),
    /**
     * Constant phase element: Z = 1 / (Q (j omega)^alpha). Parameters Q in Ohm^-1 s^alpha and
     * alpha (0..1, 1 = ideal capacitor).
     */
    CPE("CPE", List.of("_0", "_1"), List.of("Ohm^-1 s^a", "")),
    /** Semi-infinite Warburg: Z = A_W (1 - j) / sqrt(omega). Parameter A_W in Ohm s^-1/2. */
    W("W", List.of(""), List.of("Ohm s^-1/2")),
    /**
     * Finite-length Warburg, open (reflective) boundary: Z = Z0 coth(sqrt(j omega tau)) /
     * sqrt(j omega tau). Parameters Z0 in Ohm and tau in s.
     */
    WO("Wo", List.of("_0", "_1"), List.of("Ohm", "s")),
    /**
     * Finite-length Warburg, short (transmissive) boundary: Z = Z0 tanh(sqrt(j omega tau)) /
     * sqrt(j omega tau). Parameters Z0 in Ohm and tau in s.
     */
    WS("Ws", List.of("_0", "_1"), List.of("Ohm", "s"));

    private final String prefix;
    private final List<String> suffixes;
    private final List<String> units;

    ElementType(String prefix, List<String> suffixes, List<String> units) {
        this.prefix = prefix;
        this.suffixes = suffixes;
        this.units = units;
    }

    /** The element's name prefix in circuit strings ({@code R}, {@code CPE}, {@code Wo}). */
    public String prefix() {
        return prefix;
    }

    /** Number of parameters. */
    public int parameterCount() {
        return suffixes.size();
    }

    /** Parameter name suffixes appended to the element name ({@code ""} or {@code _0}, {@code _1}). */
    public List<String> suffixes() {
        return suffixes;
    }

    /** Units of the parameters. */
    public List<String> units() {
        return units;
    }

    /** Lower and upper bound of parameter {@code k}: all &gt;= 0, CPE alpha &lt;= 1 (impedance.py bounds). */
    public double upperBound(int k) {
        return this == CPE && k == 1 ? 1 : Double.POSITIVE_INFINITY;
    }

    /** Impedance in Ohm at angular frequency {@code omega} (rad/s) with parameters {@code p[at..]}. */
    public Complex impedance(double omega, double[] p, int at) {
        return switch (this) {
            case R -> Complex.real(p[at]);
            case C -> new Complex(0, omega * p[at]).reciprocal();
            case L -> new Complex(0, omega * p[at]);
            case CPE -> Complex.jOmegaPow(omega, p[at + 1]).times(p[at]).reciprocal();
            case W -> new Complex(p[at] / Math.sqrt(omega), -p[at] / Math.sqrt(omega));
            case WO -> {
                Complex s = new Complex(0, omega * p[at + 1]).sqrt();
                yield s.times(s.tanh()).reciprocal().times(p[at]);
            }
            case WS -> {
                Complex s = new Complex(0, omega * p[at + 1]).sqrt();
                yield s.tanh().divide(s).times(p[at]);
            }
        };
    }

    /** The type whose prefix starts {@code token} (longest prefix wins), or null. */
    static ElementType ofToken(String token) {
        ElementType best = null;
        for (ElementType t : values()) {
            if (token.startsWith(t.prefix) && (best == null || t.prefix.length() > best.prefix.length())) {
                best = t;
            }
        }
        return best;
    }
}
