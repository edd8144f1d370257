package org.tomolyte.io.tiff;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Spacing;

/**
 * Voxel size of a TIFF stack in micrometres, from the first page's tags.
 *
 * <p>With an ImageJ ImageDescription (starting {@code ImageJ=}): x and y are
 * {@code 1 / XResolution} and {@code 1 / YResolution} in the description's {@code unit}
 * (micron, um, &micro;m, nm, mm, cm, m, inch; {@code pixel} or no unit means uncalibrated) and z is
 * {@code spacing} in that unit (x when absent). Otherwise XResolution/YResolution are read with
 * ResolutionUnit 3 (centimetre: {@code um = 1e4 / res}) or 2 (inch: {@code um = 25400 / res}),
 * except that 72 dpi or no resolution (the common defaults of image editors) and ResolutionUnit 1
 * mean uncalibrated; z then equals x. Uncalibrated stacks get {@link Spacing#UNIT}.
 *
 * @param spacing voxel size in um
 * @param known   true when the file states a physical voxel size
 */
record TiffCalibration(Spacing spacing, boolean known) {

    /** 1 um voxels, not stated by the file. */
    static final TiffCalibration UNKNOWN = new TiffCalibration(Spacing.UNIT, false);

    /** The calibration stated by {@code page} of {@code file}. */
    static TiffCalibration of(TiffPage page, Path file) {
        String d = page.description();
        if (d != null && d.startsWith("ImageJ=")) {
            return imageJ(page, d, file);
        }
        TiffPage.Rational xr = page.xResolution();
        if (xr == null) {
            return UNKNOWN;
        }
        TiffPage.Rational yr = page.yResolution() != null ? page.yResolution() : xr;
        double factor;
        switch (page.resolutionUnit()) {
            case 3 -> factor = 1e4;
            case 2 -> {
                if (xr.value() == 72 && yr.value() == 72) {
                    return UNKNOWN;
                }
                factor = 25400;
            }
            default -> {
                return UNKNOWN;
            }
        }
        double x = factor * xr.inverse();
        return new TiffCalibration(make(x, factor * yr.inverse(), x, file), true);
    }

    private static TiffCalibration imageJ(TiffPage page, String description, Path file) {
        Map<String, String> kv = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        double factor = micrometresPer(kv.get("unit"));
        if (Double.isNaN(factor)) {
            return UNKNOWN;
        }
        double x = factor * (page.xResolution() != null ? page.xResolution().inverse() : 1);
        double y = page.yResolution() != null ? factor * page.yResolution().inverse() : x;
        double z = x;
        String spacing = kv.get("spacing");
        if (spacing != null) {
            try {
                z = factor * Double.parseDouble(spacing);
            } catch (NumberFormatException e) {
                throw new InputException(file + ": expected a number for spacing= in the ImageJ description, found '" + spacing + "'", e);
            }
        }
        return new TiffCalibration(make(x, y, z, file), true);
    }

    private static Spacing make(double x, double y, double z, Path file) {
        for (double v : new double[] {x, y, z}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new InputException(file + ": expected a positive finite voxel size from the resolution tags, found "
                        + x + ", " + y + ", " + z + " um");
            }
        }
        return new Spacing(x, y, z);
    }

    /** Micrometres per ImageJ length unit, or NaN for pixel, absent or unknown units. */
    static double micrometresPer(String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "micron", "microns", "um", "\u00b5m", "\u03bcm", "\\u00b5m", "micrometer", "micrometre" -> 1;
            case "nm", "nanometer", "nanometre" -> 1e-3;
            case "mm", "millimeter", "millimetre" -> 1e3;
            case "cm", "centimeter", "centimetre" -> 1e4;
            case "m", "meter", "metre" -> 1e6;
            case "inch", "inches", "in" -> 25400;
            default -> Double.NaN;
        };
    }
}
