package org.tomolyte.echem.eis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tomolyte.core.ParameterException;

/**
 * An equivalent circuit parsed from impedance.py's string syntax: elements joined in series
 * with {@code -} and in parallel with {@code p(a,b,...)}, e.g. {@code R0-p(R1,C1)-W1}.
 *
 * <p>Elements ({@link ElementType}): {@code R}, {@code C}, {@code L}, {@code CPE},
 * {@code W} (semi-infinite Warburg), {@code Wo} and {@code Ws} (finite-length Warburg, open and
 * short), each followed by a unique label ({@code R0}, {@code CPE1}). Parameter names are the
 * element name for one-parameter elements and {@code NAME_0}, {@code NAME_1} otherwise (as in
 * impedance.py), in order of appearance. Named circuits: {@code Randles} =
 * {@code R0-p(R1-Wo1,C1)} and {@code RandlesCPE} = {@code R0-p(R1-Wo1,CPE1)} (impedance.py's
 * {@code Randles(CPE=False|True)}).
 */
public final class Circuit {

    /** A node of the circuit tree. */
    private sealed interface Node permits Element, Series, Parallel {
        Complex z(double omega, double[] p);
    }

    private record Element(ElementType type, String name, int at) implements Node {
        @Override
        public Complex z(double omega, double[] p) {
            return type.impedance(omega, p, at);
        }
    }

    private record Series(List<Node> parts) implements Node {
        @Override
        public Complex z(double omega, double[] p) {
            Complex s = Complex.ZERO;
            for (Node n : parts) {
                s = s.plus(n.z(omega, p));
            }
            return s;
        }
    }

    private record Parallel(List<Node> parts) implements Node {
        @Override
        public Complex z(double omega, double[] p) {
            Complex y = Complex.ZERO;
            for (Node n : parts) {
                y = y.plus(n.z(omega, p).reciprocal());
            }
            return y.reciprocal();
        }
    }

    private final String text;
    private final Node root;
    private final List<String> names;
    private final List<String> units;
    private final double[] upper;

    private Circuit(String text, Node root, List<String> names, List<String> units, double[] upper) {
        this.text = text;
        this.root = root;
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.upper = upper;
    }

    /**
     * Parses a circuit string or a built-in name ({@code Randles}, {@code RandlesCPE}).
     *
     * @throws ParameterException naming the position and the problem when the string is invalid
     */
    public static Circuit parse(String circuit) {
        if (circuit == null || circuit.isBlank()) {
            throw new ParameterException("circuit must be a circuit string such as R0-p(R1,C1) or Randles, got '" + circuit + "'");
        }
        String s = circuit.replace(" ", "");
        s = switch (s.toLowerCase(Locale.ROOT)) {
            case "randles" -> "R0-p(R1-Wo1,C1)";
            case "randlescpe" -> "R0-p(R1-Wo1,CPE1)";
            default -> s;
        };
        Parser p = new Parser(s, circuit);
        Node root = p.series();
        if (p.pos != s.length()) {
            throw p.error("unexpected '" + s.charAt(p.pos) + "'");
        }
        double[] upper = p.upper.stream().mapToDouble(Double::doubleValue).toArray();
        return new Circuit(s, root, p.names, p.units, upper);
    }

    /** The circuit string (built-in names expanded). */
    public String text() {
        return text;
    }

    /** Parameter names in order. */
    public List<String> parameterNames() {
        return names;
    }

    /** Parameter units in order. */
    public List<String> parameterUnits() {
        return units;
    }

    /** Number of parameters. */
    public int parameterCount() {
        return names.size();
    }

    /** Lower bounds (all 0). */
    public double[] lowerBounds() {
        return new double[names.size()];
    }

    /** Upper bounds (infinite, except 1 for CPE alpha). */
    public double[] upperBounds() {
        return upper.clone();
    }

    /** Impedance in Ohm at frequency {@code freqHz} with parameters {@code p}. */
    public Complex impedance(double freqHz, double[] p) {
        if (p.length != names.size()) {
            throw new ParameterException("circuit " + text + " has " + names.size() + " parameters " + names + ", got " + p.length + " values");
        }
        return root.z(2 * Math.PI * freqHz, p);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        final String original;
        int pos;
        final List<String> names = new ArrayList<>();
        final List<String> units = new ArrayList<>();
        final List<Double> upper = new ArrayList<>();
        final Set<String> elementNames = new HashSet<>();

        Parser(String s, String original) {
            this.s = s;
            this.original = original;
        }

        ParameterException error(String what) {
            return new ParameterException("circuit '" + original + "': " + what + " at position " + pos
                    + " (syntax: elements R, C, L, CPE, W, Wo, Ws with labels, '-' series, p(a,b) parallel)");
        }

        Node series() {
            List<Node> parts = new ArrayList<>();
            parts.add(term());
            while (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
                parts.add(term());
            }
            return parts.size() == 1 ? parts.getFirst() : new Series(parts);
        }

        Node term() {
            if (s.startsWith("p(", pos)) {
                pos += 2;
                List<Node> parts = new ArrayList<>();
                parts.add(series());
                while (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    parts.add(series());
                }
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("missing ')'");
                }
                pos++;
                if (parts.size() < 2) {
                    throw error("p( ) needs at least two branches");
                }
                return new Parallel(parts);
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String token = s.substring(start, pos);
            if (token.isEmpty()) {
                throw error("expected an element");
            }
            ElementType type = ElementType.ofToken(token);
            if (type == null || token.length() == type.prefix().length()) {
                pos = start;
                throw error("'" + token + "' is not an element with a label (R0, C1, CPE1, W1, Wo1, Ws1, L0)");
            }
            if (!elementNames.add(token)) {
                pos = start;
                throw error("element '" + token + "' appears twice");
            }
            int at = names.size();
            for (int k = 0; k < type.parameterCount(); k++) {
                names.add(token + type.suffixes().get(k));
                units.add(type.units().get(k));
                upper.add(type.upperBound(k));
            }
            return new Element(type, token, at);
        }
    }
}
