package org.tomolyte.echem.eis;

/**
 * A complex number for impedance arithmetic (Ohm). Immutable; only the operations impedance
 * models need.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

    /** Zero. */
    public static final Complex ZERO = new Complex(0, 0);

    /** A real number. */
    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    /** Sum. */
    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    /** Product. */
    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /** Product with a real number. */
    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    /** Reciprocal 1 / this (Smith's algorithm, no overflow for large parts). */
    public Complex reciprocal() {
        if (Math.abs(re) >= Math.abs(im)) {
            double r = im / re;
            double d = re + im * r;
            return new Complex(1 / d, -r / d);
        }
        double r = re / im;
        double d = re * r + im;
        return new Complex(r / d, -1 / d);
    }

    /** Quotient this / o. */
    public Complex divide(Complex o) {
        return times(o.reciprocal());
    }

    /** Modulus. */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** Argument in radians. */
    public double arg() {
        return Math.atan2(im, re);
    }

    /** Principal square root. */
    public Complex sqrt() {
        return polar(Math.sqrt(abs()), arg() / 2);
    }

    /** r * exp(i theta). */
    public static Complex polar(double r, double theta) {
        return new Complex(r * Math.cos(theta), r * Math.sin(theta));
    }

    /** (i * omega)^p for omega &gt;= 0: omega^p * exp(i p pi / 2). */
    public static Complex jOmegaPow(double omega, double p) {
        return polar(Math.pow(omega, p), p * Math.PI / 2);
    }

    /** Hyperbolic tangent, stable for large real parts. */
    public Complex tanh() {
        if (Math.abs(re) > 20) {
            return new Complex(Math.signum(re), 0);
        }
        double d = Math.cosh(2 * re) + Math.cos(2 * im);
        return new Complex(Math.sinh(2 * re) / d, Math.sin(2 * im) / d);
    }
}
