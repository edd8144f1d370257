package org.tomolyte.core;

import java.util.Locale;

/**
 * A volume axis, as protocols name it ({@code x}, {@code y}, {@code z}). The through-plane
 * (stack, current) direction is {@link #Z} unless a protocol says otherwise (DESIGN.md).
 */
public enum Axis {
    /** Axis 0, fastest in memory. */
    X,
    /** Axis 1. */
    Y,
    /** Axis 2, the stack axis by default; numpy's axis 0 of a (z, y, x) array. */
    Z;

    /** 0 for x, 1 for y, 2 for z (as {@link Dims#size(int)} and {@link Spacing#along(int)}). */
    public int index() {
        return ordinal();
    }

    /** Lower-case name, {@code x}, {@code y} or {@code z}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The axis with index 0, 1 or 2. */
    public static Axis of(int index) {
        return values()[index];
    }

    /** The first of the two other axes in x, y, z order (x for z, y for x, x for y). */
    public Axis firstInPlane() {
        return this == X ? Y : X;
    }

    /** The second of the two other axes in x, y, z order (y for z, z for x, z for y). */
    public Axis secondInPlane() {
        return this == Z ? Y : Z;
    }

    /** Voxels along this axis. */
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

    /** Area of a voxel face normal to this axis, um^2. */
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
}
