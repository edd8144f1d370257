package org.tomolyte.core;

/**
 * An axis-aligned box of voxel indices, start inclusive and end exclusive on each axis, as in
 * {@code --crop X0,Y0,Z0,X1,Y1,Z1}.
 */
public record Box(int x0, int y0, int z0, int x1, int y1, int z1) {

    public Box {
        if (x0 < 0 || y0 < 0 || z0 < 0 || x1 <= x0 || y1 <= y0 || z1 <= z0) {
            throw new ParameterException("box must have 0 <= start < end on each axis (end exclusive), got "
                    + x0 + "," + y0 + "," + z0 + "," + x1 + "," + y1 + "," + z1);
        }
    }

    /** The whole of {@code dims}. */
    public static Box of(Dims dims) {
        return new Box(0, 0, 0, dims.nx(), dims.ny(), dims.nz());
    }

    /** Size of the box. */
    public Dims dims() {
        return new Dims(x1 - x0, y1 - y0, z1 - z0);
    }

    /** Voxels in the box. */
    public long voxels() {
        return dims().voxels();
    }

    /** True when the box lies inside a volume of size {@code d}. */
    public boolean fitsIn(Dims d) {
        return x1 <= d.nx() && y1 <= d.ny() && z1 <= d.nz();
    }

    /**
     * Parses {@code X0,Y0,Z0,X1,Y1,Z1}.
     *
     * @param what parameter name for the error message
     */
    public static Box parse(String text, String what) {
        String[] p = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        if (p.length == 6) {
            try {
                return new Box(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                        Integer.parseInt(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
            } catch (NumberFormatException | ParameterException e) {
                // one message below
            }
        }
        throw new ParameterException(what + " must be X0,Y0,Z0,X1,Y1,Z1 (voxel indices, 0 <= start < end, end exclusive), got '" + text + "'");
    }

    @Override
    public String toString() {
        return x0 + "," + y0 + "," + z0 + "," + x1 + "," + y1 + "," + z1;
    }
}
