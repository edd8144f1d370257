package org.tomolyte.analysis.connectivity;

import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;

/**
 * A volume axis. Volumes are stored x fastest, then y, then z, so z is axis 0 of the
 * numpy array {@code (z, y, x)} read from a TIFF stack (the pages are z).
 */
public enum Axis {
    /** Along a row (numpy axis 2). */
    X,
    /** Across rows within a slice (numpy axis 1). */
    Y,
    /** Across slices, the stack axis (numpy axis 0). */
    Z;

    /** Number of voxels along this axis. */
    public int size(Dims d) {
        return switch (this) {
            case X -> d.nx();
            case Y -> d.ny();
            case Z -> d.nz();
        };
    }

    /** Voxel size along this axis, um. */
    public double spacing(Spacing s) {
        return switch (this) {
            case X -> s.x();
            case Y -> s.y();
            case Z -> s.z();
        };
    }

    /** Area of a voxel face normal to this axis, um^2 (sy*sz for x, and so on). */
    public double faceArea(Spacing s) {
        return switch (this) {
            case X -> s.y() * s.z();
            case Y -> s.x() * s.z();
            case Z -> s.x() * s.y();
        };
    }

    /** Area of the whole volume's cross-section normal to this axis, um^2. */
    public double crossSectionUm2(Dims d, Spacing s) {
        return switch (this) {
            case X -> d.ny() * s.y() * d.nz() * s.z();
            case Y -> d.nx() * s.x() * d.nz() * s.z();
            case Z -> d.nx() * s.x() * d.ny() * s.y();
        };
    }

    /** Lower-case name used in protocols. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
