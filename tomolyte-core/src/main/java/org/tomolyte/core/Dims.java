package org.tomolyte.core;

/**
 * Size of a volume in voxels along x (fastest varying), y and z (slowest, the stack axis).
 * Each axis is below 2^31; the total voxel count is a {@code long}, so volumes above 2^31
 * voxels are normal.
 *
 * @param nx voxels along x, at least 1
 * @param ny voxels along y, at least 1
 * @param nz voxels along z (slices), at least 1
 */
public record Dims(int nx, int ny, int nz) {

    public Dims {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new ParameterException("dims must be at least 1 voxel on each axis, got " + nx + "x" + ny + "x" + nz);
        }
    }

    /** Total number of voxels, {@code nx * ny * nz}. */
    public long voxels() {
        return (long) nx * ny * nz;
    }

    /** Voxels in one xy slice. */
    public long sliceVoxels() {
        return (long) nx * ny;
    }

    /** Linear index of voxel (x, y, z) in x-fastest order. No bounds check. */
    public long index(int x, int y, int z) {
        return ((long) z * ny + y) * nx + x;
    }

    /** True when (x, y, z) lies inside. */
    public boolean contains(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz;
    }

    /** Size along axis 0 (x), 1 (y) or 2 (z). */
    public int size(int axis) {
        return switch (axis) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new ParameterException("axis must be 0 (x), 1 (y) or 2 (z), got " + axis);
        };
    }

    /** {@code NXxNYxNZ}, e.g. {@code 256x256x128}. */
    @Override
    public String toString() {
        return nx + "x" + ny + "x" + nz;
    }

    /**
     * Parses {@code NX,NY,NZ} (or with {@code x} separators).
     *
     * @param what parameter name for the error message
     */
    public static Dims parse(String text, String what) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*[,x]\\s*");
        if (parts.length != 3) {
            throw new ParameterException(what + " must be NX,NY,NZ (three positive integers), got '" + text + "'");
        }
        try {
            return new Dims(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new ParameterException(what + " must be NX,NY,NZ (three positive integers), got '" + text + "'");
        } catch (ParameterException e) {
            throw new ParameterException(what + " must be NX,NY,NZ (three positive integers), got '" + text + "'");
        }
    }
}
