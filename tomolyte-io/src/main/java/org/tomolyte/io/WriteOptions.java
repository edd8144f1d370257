package org.tomolyte.io;

/**
 * How to write a volume. Null fields mean "the format's default".
 *
 * @param compression TIFF: {@code none} (default), {@code deflate}, {@code lzw}, {@code packbits};
 *                    Zarr: {@code zlib} (default), {@code gzip}, {@code none}; ignored by raw and NPY
 * @param chunkEdge   Zarr chunk edge in voxels (default 64); ignored by other formats
 */
public record WriteOptions(String compression, Integer chunkEdge) {

    /** Format defaults. */
    public static final WriteOptions DEFAULT = new WriteOptions(null, null);
}
