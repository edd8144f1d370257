package org.tomolyte.bench;

import java.util.Locale;
import org.tomolyte.core.ParameterException;

/**
 * How a peer tool computes the same thing as a case, and the floor Tomolyte must reach against it.
 *
 * <p>A Python peer ({@link Kind#PYTHON}) is run by Debian's {@code /usr/bin/python3}; its
 * {@code setup} runs once (untimed, after the input is loaded) and its {@code body} is timed and
 * must assign the result to {@code r}. Names available to both: {@code np} (numpy), {@code a}
 * (the input as a {@code (z, y, x)} uint8 array), {@code spacing} (voxel size {@code (z, y, x)}
 * in um) and {@code voxel_um3}; see {@link PythonScript}.
 *
 * <p>An ImageJ peer ({@link Kind#IMAGEJ}) is an ImageJ 1 macro fragment: {@code setup} runs
 * (untimed) on a fresh duplicate of the input, then {@code body} is timed; see {@link ImageJMacro}.
 *
 * @param tool      name shown in the table and used by {@code --peers}: scipy, skimage, numpy, imagej
 * @param kind      python or imagej
 * @param setup     code run once before timing (may be empty)
 * @param body      the timed code
 * @param floor     the speed-up Tomolyte must reach (peer seconds / Tomolyte seconds), or NaN when the
 *                  issue sets none
 * @param maxVoxels largest input (voxels) the peer is run on; above it the peer is skipped with
 *                  {@code skipNote}
 * @param skipNote  why the peer is skipped above {@code maxVoxels}
 */
public record Peer(String tool, Kind kind, String setup, String body, double floor, long maxVoxels, String skipNote) {

    /** How the peer is run. */
    public enum Kind {
        /** {@code /usr/bin/python3} with numpy, scipy and scikit-image. */
        PYTHON,
        /** Debian's {@code imagej} (ImageJ 1) under {@code xvfb-run}. */
        IMAGEJ
    }

    /** Validates the values. */
    public Peer {
        if (tool == null || !tool.matches("[a-z][a-z0-9_-]*")) {
            throw new ParameterException("peer tool must be a lower-case name, got '" + tool + "'");
        }
        if (kind == null || body == null || body.isBlank()) {
            throw new ParameterException("peer " + tool + " needs a kind and a body");
        }
        setup = setup == null ? "" : setup;
        if (!(Double.isNaN(floor) || floor > 0)) {
            throw new ParameterException("peer " + tool + " floor must be > 0 or NaN (none), got " + floor);
        }
        if (maxVoxels < 1) {
            throw new ParameterException("peer " + tool + " maxVoxels must be >= 1, got " + maxVoxels);
        }
        skipNote = skipNote == null ? "" : skipNote;
    }

    /** A Python peer run at every size. */
    public static Peer python(String tool, String setup, String body, double floor) {
        return new Peer(tool, Kind.PYTHON, setup, body, floor, Long.MAX_VALUE, "");
    }

    /** An ImageJ macro peer run at every size. */
    public static Peer imagej(String setup, String body, double floor) {
        return new Peer("imagej", Kind.IMAGEJ, setup, body, floor, Long.MAX_VALUE, "");
    }

    /** This peer, skipped with {@code note} on inputs of more than {@code voxels} voxels. */
    public Peer upTo(long voxels, String note) {
        return new Peer(tool, kind, setup, body, floor, voxels, note);
    }

    /** True when the issue sets a speed floor against this peer. */
    public boolean hasFloor() {
        return !Double.isNaN(floor);
    }

    /** The floor as text, e.g. {@code >=5x scipy}, or empty. */
    public String floorText() {
        return hasFloor() ? String.format(Locale.ROOT, ">=%sx %s", ResultTable.number(floor), tool) : "";
    }
}
