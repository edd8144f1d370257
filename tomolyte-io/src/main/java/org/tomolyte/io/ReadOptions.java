package org.tomolyte.io;

import org.tomolyte.core.Spacing;

/**
 * How to read a volume source.
 *
 * @param spacing override of the file's voxel size in um, or null to use the file's
 * @param raw     layout of a headerless raw file, or null for self-describing formats
 * @param dataset path of a dataset inside a container (HDF5 {@code /exchange/data}), or null
 */
public record ReadOptions(Spacing spacing, RawLayout raw, String dataset) {

    /** The file's own calibration, no raw layout, no dataset path. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, null, null);

    /** A copy with another spacing override. */
    public ReadOptions withSpacing(Spacing s) {
        return new ReadOptions(s, raw, dataset);
    }

    /** A copy with another dataset path. */
    public ReadOptions withDataset(String d) {
        return new ReadOptions(spacing, raw, d);
    }
}
