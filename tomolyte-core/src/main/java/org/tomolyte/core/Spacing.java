package org.tomolyte.core;

/**
 * Voxel size in micrometres along x, y and z. Anisotropic voxels are normal (FIB-SEM stacks,
 * tilt-corrected cross-sections); every measurement in Tomolyte uses all three values.
 *
 * @param x voxel size along x in um, finite and &gt; 0
 * @param y voxel size along y in um, finite and &gt; 0
 * @param z voxel size along z (slice spacing) in um, finite and &gt; 0
 */
public record Spacing(double x, double y, double z) {

    /** 1 um on every axis: what a file without calibration is given. */
    public static final Spacing UNIT = new Spacing(1, 1, 1);

    public Spacing {
        check("spacing x", x);
        check("spacing y", y);
        check("spacing z", z);
    }

    private static void check(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ParameterException(name + " must be a finite number of micrometres > 0, got " + v);
        }
    }

    /** Same size {@code um} on every axis. */
    public static Spacing isotropic(double um) {
        return new Spacing(um, um, um);
    }

    /** Volume of one voxel in um^3. */
    public double voxelVolumeUm3() {
        return x * y * z;
    }

    /** Spacing along axis 0 (x), 1 (y) or 2 (z). */
    public double along(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new ParameterException("axis must be 0 (x), 1 (y) or 2 (z), got " + axis);
        };
    }

    /** True when all three sizes are equal. */
    public boolean isIsotropic() {
        return x == y && y == z;
    }

    /**
     * Parses {@code X,Y,Z} or a single value {@code S} (isotropic), micrometres.
     *
     * @param what parameter name for the error message
     */
    public static Spacing parse(String text, String what) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        try {
            if (parts.length == 1) {
                return isotropic(Double.parseDouble(parts[0]));
            }
            if (parts.length == 3) {
                return new Spacing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            }
        } catch (NumberFormatException | ParameterException e) {
            // fall through to the one message below
        }
        throw new ParameterException(what + " must be X,Y,Z or S in micrometres (numbers > 0), got '" + text + "'");
    }

    @Override
    public String toString() {
        return x + "," + y + "," + z + " um";
    }
}
