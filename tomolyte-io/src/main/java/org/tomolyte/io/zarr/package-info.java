/**
 * Zarr v2 directory stores, implemented here from the
 * <a href="https://zarr-specs.readthedocs.io/en/latest/v2/v2.0.html">Zarr storage specification
 * version 2</a> (no Zarr library is used).
 *
 * <h2>On disk</h2>
 * An array is a directory holding {@code .zarray} (JSON metadata), optionally {@code .zattrs}
 * (JSON user attributes) and one file per chunk, named by its chunk coordinates slowest axis
 * first, joined by the dimension separator: {@code 0.1.2} (or {@code 0/1/2}). Chunk bytes are the
 * C-order items of a full-size chunk (edge chunks are padded to full size), then compressed.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>{@code zarr_format} 2; all of {@code zarr_format, shape, chunks, dtype, compressor,
 *       fill_value, order, filters} must be present</li>
 *   <li>{@code shape} and {@code chunks} of 3 axes (z, y, x) or 2 axes (y, x, read as one slice)</li>
 *   <li>{@code dtype} {@code |u1 |b1 |i1 <u2 >u2 <i2 >i2 <i4 >i4 <u4 >u4 <f4 >f4 <f8 >f8}, mapped to
 *       Tomolyte types as in {@link org.tomolyte.io.npy.NumpyDtype}</li>
 *   <li>{@code compressor} {@code null}, {@code {"id": "zlib", "level": n}},
 *       {@code {"id": "gzip", "level": n}} (numcodecs Zlib and GZip)</li>
 *   <li>{@code fill_value}: a number, {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 *       {@code true/false} or {@code null} (read as 0); used for chunks without a file</li>
 *   <li>{@code order} {@code "C"}; {@code filters} {@code null} (or empty)</li>
 *   <li>{@code dimension_separator} {@code "."} (the default when absent) or {@code "/"}</li>
 *   <li>{@code .zattrs} {@code spacing_um: [x, y, z]} (micrometres) gives the voxel size</li>
 * </ul>
 *
 * <h2>Rejected with an {@link org.tomolyte.core.InputException}</h2>
 * Other compressors (blosc, lz4, zstd, bz2, lzma, ...: re-save with zlib or gzip), any filter,
 * {@code order "F"}, structured, string, object, complex, 64-bit integer and datetime dtypes,
 * shapes of other ranks or with zero-length axes, chunks of 2 GiB or more, and chunk files that
 * do not decode to exactly one full-size chunk. Zarr groups ({@code .zgroup}), consolidated
 * metadata and Zarr v3 are not read: open the array directory itself.
 *
 * <h2>Written</h2>
 * Tomolyte writes rank-3 arrays (nz, ny, nx) in the little-endian dtype of the volume's type
 * ({@code |u1 <u2 <i4 <f4 <f8}), {@code order "C"}, {@code filters null}, {@code fill_value 0},
 * {@code dimension_separator "."}, compressor zlib level 1 (default), gzip level 1 or none, cubic
 * chunks of edge 64 by default clipped to the shape, and {@code .zattrs}
 * {@code {"spacing_um": [x, y, z], "axes": ["z", "y", "x"]}}. {@code zarr.open(path)[:]} in
 * zarr-python 2 reads it. Chunks are encoded in parallel; the bytes written do not depend on the
 * thread count.
 */
package org.tomolyte.io.zarr;
