package org.tomolyte.core;

/**
 * A tomography scan before reconstruction: projections with their flat (white) and dark fields
 * and the rotation angle of each projection, as in the APS data-exchange layout
 * ({@code /exchange/data}, {@code data_white}, {@code data_dark}, {@code theta}).
 *
 * <p>Each volume is laid out x = detector column, y = detector row, z = projection index, so
 * a numpy array of shape (angles, rows, columns) maps directly.
 *
 * @param data     projections, one per angle (z)
 * @param white    flat-field images (may have any number of frames, at least 1), or null
 * @param dark     dark-field images, or null
 * @param thetaDeg rotation angle of each projection in degrees, length = data.dims().nz()
 */
public record Projections(Volume data, Volume white, Volume dark, double[] thetaDeg) implements AutoCloseable {

    public Projections {
        if (thetaDeg.length != data.dims().nz()) {
            throw new InputException("projections: " + data.dims().nz() + " projections but " + thetaDeg.length + " angles");
        }
        checkFrames("data_white", white, data);
        checkFrames("data_dark", dark, data);
    }

    private static void checkFrames(String what, Volume frames, Volume data) {
        if (frames != null && (frames.dims().nx() != data.dims().nx() || frames.dims().ny() != data.dims().ny())) {
            throw new InputException("projections: " + what + " frames are " + frames.dims().nx() + "x" + frames.dims().ny()
                    + " pixels, projections are " + data.dims().nx() + "x" + data.dims().ny());
        }
    }

    /** Frees the storage of all three volumes. */
    @Override
    public void close() {
        data.close();
        if (white != null) {
            white.close();
        }
        if (dark != null) {
            dark.close();
        }
    }
}
