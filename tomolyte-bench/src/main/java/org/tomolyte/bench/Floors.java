package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a row meets the floors: the speed floor of its peer (peer median seconds
 * / Tomolyte median seconds &gt;= {@link Peer#floor()}) and the case's memory floor (Tomolyte's
 * peak resident set above the JVM's baseline before loading &lt;= input bytes +
 * {@link Case#maxExtraBytesPerVoxel()} per voxel; the baseline, about 40-60 MB of JVM, is not
 * counted).
 */
public final class Floors {

    private Floors() {
    }

    /** Every floor of {@code c} (all its peers and memory), as text. */
    public static String text(Case c) {
        List<String> parts = new ArrayList<>();
        for (Peer p : c.peers()) {
            if (p.hasFloor()) {
                parts.add(p.floorText());
            }
        }
        if (c.hasMemoryFloor()) {
            parts.add(c.memoryFloorText());
        }
        return String.join("; ", parts);
    }

    /** The floors of {@code c} against {@code peer} (null: none), as text. */
    public static String text(Case c, Peer peer) {
        List<String> parts = new ArrayList<>();
        if (peer != null && peer.hasFloor()) {
            parts.add(peer.floorText());
        }
        if (c.hasMemoryFloor()) {
            parts.add(c.memoryFloorText());
        }
        return String.join("; ", parts);
    }

    /**
     * Evaluates the floors of {@code c} against {@code peer}.
     *
     * @param c          the case
     * @param peer       the peer of the row, or null
     * @param tomolyte   Tomolyte's measurement
     * @param peerResult the peer's measurement, or null when not run
     * @param inputBytes bytes of the input volume
     * @param voxels     voxels of the input volume
     * @return whether the floors are met
     */
    public static Row.Met evaluate(Case c, Peer peer, Measurement tomolyte, Measurement peerResult, long inputBytes, long voxels) {
        List<Row.Met> checks = new ArrayList<>();
        if (peer != null && peer.hasFloor()) {
            if (tomolyte.ok() && peerResult != null && peerResult.ok()) {
                double ratio = peerResult.medianSeconds() / tomolyte.medianSeconds();
                checks.add(ratio >= peer.floor() ? Row.Met.YES : Row.Met.NO);
            } else {
                checks.add(Row.Met.UNKNOWN);
            }
        }
        if (c.hasMemoryFloor()) {
            long extra = tomolyte.ok() ? tomolyte.extraBytes() : -1;
            if (extra < 0) {
                checks.add(Row.Met.UNKNOWN);
            } else {
                checks.add(extra <= inputBytes + c.maxExtraBytesPerVoxel() * voxels ? Row.Met.YES : Row.Met.NO);
            }
        }
        if (checks.isEmpty()) {
            return Row.Met.NONE;
        }
        if (checks.contains(Row.Met.NO)) {
            return Row.Met.NO;
        }
        return checks.contains(Row.Met.UNKNOWN) ? Row.Met.UNKNOWN : Row.Met.YES;
    }
}
