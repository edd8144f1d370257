package org.tomolyte.image.label;

import org.tomolyte.core.ParameterException;

/**
 * Which neighbours of a voxel touch it: voxels sharing a face (6), a face or an edge (18), or a
 * face, an edge or a corner (26). The same definitions as scipy's
 * {@code generate_binary_structure(3, 1|2|3)} and scikit-image's {@code connectivity=1|2|3}.
 */
public enum Connectivity {
    /** Face neighbours only (scipy {@code generate_binary_structure(3, 1)}). */
    SIX(6),
    /** Face and edge neighbours (scipy {@code generate_binary_structure(3, 2)}). */
    EIGHTEEN(18),
    /** Face, edge and corner neighbours (scipy {@code generate_binary_structure(3, 3)}). */
    TWENTY_SIX(26);

    private final int neighbours;

    Connectivity(int neighbours) {
        this.neighbours = neighbours;
    }

    /** Number of neighbours: 6, 18 or 26. */
    public int neighbours() {
        return neighbours;
    }

    /**
     * The connectivity with {@code n} neighbours.
     *
     * @param name parameter name for the error message
     * @param n    6, 18 or 26
     * @throws ParameterException for any other value
     */
    public static Connectivity of(String name, int n) {
        return switch (n) {
            case 6 -> SIX;
            case 18 -> EIGHTEEN;
            case 26 -> TWENTY_SIX;
            default -> throw new ParameterException(name + " must be 6, 18 or 26 (neighbours), got " + n);
        };
    }

    /**
     * Extra reach along x (0 or 1 voxel) when comparing runs in the row at offset (dy, dz) in
     * {-1, 0}/{-1, 0, 1}; -1 when that row is not a neighbour at all. The row itself (dy = dz =
     * 0) is handled by the runs being maximal.
     */
    int reach(int dy, int dz) {
        int off = Math.abs(dy) + Math.abs(dz);
        return switch (this) {
            case SIX -> off == 1 ? 0 : -1;
            case EIGHTEEN -> off == 1 ? 1 : 0;
            case TWENTY_SIX -> 1;
        };
    }
}
