/**
 * TIFF stacks: the {@link org.tomolyte.io.tiff.TiffFormat} reader/writer ({@code tiff}) and
 * {@link org.tomolyte.io.tiff.TiffWriter}.
 *
 * <p><b>Read</b> (TIFF 6.0 and BigTIFF): either byte order; strips or tiles; one grey sample per
 * pixel of 1 bit (U8 0/1, most significant bit first, rows padded to bytes), 8/16 bits unsigned
 * (U8/U16), 8/16/32 bits signed or 32 bits unsigned (I32), 32/64-bit float (F32/F64);
 * compression 1 none, 5 LZW, 8 and 32946 Deflate, 32773 PackBits; predictor 2. Page k is slice
 * z = k; a folder of TIFF files is read in natural name order (slice_2 before slice_10).
 * Pages flagged reduced-resolution (NewSubfileType bit 0, thumbnails) are skipped. An ImageJ file
 * whose single IFD says {@code images=N} (ImageJ's layout for stacks above 4 GiB) is read as N
 * contiguous slices.
 *
 * <p><b>Written</b> (little-endian, BigTIFF when the file could exceed 4 GiB): header; pixel data
 * of slice 0, 1, ... each in strips of about 64 KiB (uncompressed data are contiguous); then one
 * IFD per slice, in slice order, the first IFD holding the ImageJ description
 * ({@code ImageJ=1.11a, images, slices, unit=micron, spacing, loop, min, max}); XResolution and
 * YResolution are pixels per micrometre with ResolutionUnit 1. Fiji/ImageJ 1.54 opens these files
 * with their voxel size; tifffile reads them as {@code (z, y, x)} arrays.
 */
package org.tomolyte.io.tiff;
