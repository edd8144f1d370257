package org.tomolyte.core;

/**
 * A fixed grid of blocks covering a volume, numbered x fastest, then y, then z. Work is split on
 * this grid and partial results are combined in block order, so results never depend on the
 * thread count. The grid depends only on the volume size and the block size, never on the
 * machine. The same grid feeds block-wise readers and writers.
 *
 * @param dims  the volume size
 * @param block the block size (blocks at the far edges may be smaller)
 */
public record BlockGrid(Dims dims, Dims block) {

    /** Default block edge in voxels for cubic blocks. */
    public static final int DEFAULT_EDGE = 64;

    /** Cubic blocks of {@link #DEFAULT_EDGE} voxels. */
    public static BlockGrid of(Dims dims) {
        return new BlockGrid(dims, new Dims(DEFAULT_EDGE, DEFAULT_EDGE, DEFAULT_EDGE));
    }

    /** Slabs of {@code depth} whole xy slices each. */
    public static BlockGrid slabs(Dims dims, int depth) {
        if (depth < 1) {
            throw new ParameterException("slab depth must be >= 1 slice, got " + depth);
        }
        return new BlockGrid(dims, new Dims(dims.nx(), dims.ny(), depth));
    }

    /**
     * Slabs holding about {@code targetVoxels} voxels each (at least one slice): a fixed,
     * machine-independent split for slice-wise work.
     */
    public static BlockGrid slabsOf(Dims dims, long targetVoxels) {
        long depth = Math.max(1, targetVoxels / Math.max(1, dims.sliceVoxels()));
        return slabs(dims, (int) Math.min(dims.nz(), depth));
    }

    /** Blocks along x. */
    public int countX() {
        return ceilDiv(dims.nx(), block.nx());
    }

    /** Blocks along y. */
    public int countY() {
        return ceilDiv(dims.ny(), block.ny());
    }

    /** Blocks along z. */
    public int countZ() {
        return ceilDiv(dims.nz(), block.nz());
    }

    /** Total number of blocks. */
    public int count() {
        return Math.toIntExact((long) countX() * countY() * countZ());
    }

    /** The voxel box of block {@code i}, clipped to the volume. */
    public Box box(int i) {
        if (i < 0 || i >= count()) {
            throw new InternalException("block index must be in 0.." + (count() - 1) + ", got " + i);
        }
        int bx = i % countX();
        int by = (i / countX()) % countY();
        int bz = i / (countX() * countY());
        int x0 = bx * block.nx();
        int y0 = by * block.ny();
        int z0 = bz * block.nz();
        return new Box(x0, y0, z0, Math.min(dims.nx(), x0 + block.nx()), Math.min(dims.ny(), y0 + block.ny()),
                Math.min(dims.nz(), z0 + block.nz()));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
