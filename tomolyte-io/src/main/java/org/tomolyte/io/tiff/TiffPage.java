package org.tomolyte.io.tiff;

/**
 * One image file directory (page) of a TIFF file, validated for what Tomolyte reads: one grey
 * sample per pixel, a supported sample kind, compression and predictor.
 *
 * @param index        page number in the file, from 0, counting full-resolution pages only
 * @param width        ImageWidth in pixels
 * @param height       ImageLength in pixels
 * @param kind         sample encoding
 * @param compression  compression scheme
 * @param predictor    1 none or 2 horizontal differencing
 * @param lsbFirst     FillOrder 2: bits of each compressed byte are in reverse order
 * @param tiled        true for tiles, false for strips
 * @param chunkWidth   tile width, or {@code width} for strips
 * @param chunkHeight  tile length, or RowsPerStrip (at most {@code height}) for strips
 * @param offsets      file offsets of the strips or tiles
 * @param byteCounts   byte counts of the strips or tiles
 * @param description  ImageDescription, or null
 * @param xResolution  XResolution in pixels per resolution unit, or null
 * @param yResolution  YResolution in pixels per resolution unit, or null
 * @param resolutionUnit ResolutionUnit (1 none, 2 inch, 3 centimetre; default 2)
 */
record TiffPage(int index, int width, int height, SampleKind kind, TiffCompression compression, int predictor,
                boolean lsbFirst, boolean tiled, int chunkWidth, int chunkHeight, long[] offsets, long[] byteCounts,
                String description, Rational xResolution, Rational yResolution, int resolutionUnit) {

    /**
     * An unsigned TIFF RATIONAL.
     *
     * @param numerator   numerator, &gt;= 0
     * @param denominator denominator, &gt;= 0
     */
    record Rational(double numerator, double denominator) {

        /** numerator / denominator. */
        double value() {
            return numerator / denominator;
        }

        /** denominator / numerator: units per pixel when this is pixels per unit. */
        double inverse() {
            return denominator / numerator;
        }

        /** True when both terms are finite and positive. */
        boolean valid() {
            return numerator > 0 && denominator > 0 && Double.isFinite(numerator) && Double.isFinite(denominator);
        }
    }

    /** Number of chunks across (1 for strips). */
    int chunksAcross() {
        return tiled ? (int) (((long) width + chunkWidth - 1) / chunkWidth) : 1;
    }

    /** Number of chunks down. */
    int chunksDown() {
        return (int) (((long) height + chunkHeight - 1) / chunkHeight);
    }

    /** e.g. {@code 256x256 8-bit unsigned}. */
    String shape() {
        return width + "x" + height + " " + kind;
    }
}
