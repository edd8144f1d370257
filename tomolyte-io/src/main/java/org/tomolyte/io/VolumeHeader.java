package org.tomolyte.io;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;

/**
 * What a volume file holds, read without its voxels.
 *
 * @param dims         size in voxels
 * @param type         voxel type as Tomolyte will hold it (1-bit TIFF reads as U8 0/1)
 * @param spacing      voxel size in um (the file's, an override, or 1 um when unknown)
 * @param spacingKnown true when the file stated a voxel size or an override was given
 * @param format       format name, e.g. {@code tiff}
 * @param detail       encoding details for {@code info}, e.g. {@code 256 pages, deflate, little-endian}
 */
public record VolumeHeader(Dims dims, DataType type, Spacing spacing, boolean spacingKnown, String format, String detail) {
}
