package org.tomolyte.analysis.interfaces;

/** The through-plane (stack) axis of a cell: the direction of current, z unless a protocol says otherwise. */
public enum StackAxis {
    /** Stack along x: columns are (y, z) lines. */
    X,
    /** Stack along y: columns are (x, z) lines. */
    Y,
    /** Stack along z (the default): columns are (x, y) lines. */
    Z
}
