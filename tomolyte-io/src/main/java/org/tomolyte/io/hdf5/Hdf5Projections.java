package org.tomolyte.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Projections;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Reads tomography projections stored in the APS Data Exchange layout
 * (<a href="https://dxfile.readthedocs.io/">DXfile</a>, as written by TomoPy's {@code dxchange}):
 * <ul>
 *   <li>{@code /exchange/data}: projections, shape (angles, rows, columns), required</li>
 *   <li>{@code /exchange/data_white}: flat fields (frames, rows, columns), optional</li>
 *   <li>{@code /exchange/data_dark}: dark fields (frames, rows, columns), optional</li>
 *   <li>{@code /exchange/theta}: one rotation angle per projection, in degrees unless its
 *       {@code units} attribute says radians, required</li>
 * </ul>
 * Each stack becomes a volume x = column, y = row, z = frame (see {@link Projections}).
 */
public final class Hdf5Projections {

    private Hdf5Projections() {
    }

    /** Reads the projections of {@code file} with no progress reporting. */
    public static Projections read(Path file) {
        return read(file, Progress.NONE);
    }

    /**
     * Reads the projections, flat and dark fields and angles of {@code file}.
     *
     * @throws InputException when {@code /exchange/data} or {@code /exchange/theta} is missing,
     *                        of the wrong rank or type, or when sizes disagree
     */
    public static Projections read(Path file, Progress progress) {
        try (HdfFile f = Hdf5Reading.open(file)) {
            Dataset data = Hdf5Reading.dataset(f, file, "/exchange/data");
            if (data.getDimensions().length != 3) {
                throw new InputException(file + ":/exchange/data: expected projections of shape (angles, rows, columns), found rank "
                        + data.getDimensions().length);
            }
            double[] theta = theta(f, file);
            Volume d = null;
            Volume w = null;
            Volume k = null;
            try {
                d = Hdf5Reading.read(data, file, Spacing.UNIT, progress);
                w = optional(f, file, "/exchange/data_white", progress);
                k = optional(f, file, "/exchange/data_dark", progress);
                if (theta.length != d.dims().nz()) {
                    throw new InputException(file + ": /exchange/data holds " + d.dims().nz() + " projections but /exchange/theta holds "
                            + theta.length + " angles; expected one angle per projection");
                }
                try {
                    return new Projections(d, w, k, theta);
                } catch (InputException e) {
                    throw new InputException(file + ": " + e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                for (Volume v : new Volume[]{d, w, k}) {
                    if (v != null) {
                        v.close();
                    }
                }
                throw e;
            }
        }
    }

    private static Volume optional(HdfFile f, Path file, String path, Progress progress) {
        Node n;
        try {
            n = f.getByPath(path);
        } catch (HdfException e) {
            return null;
        }
        if (!(n instanceof Dataset d)) {
            throw new InputException(file + ": " + path + " is a group; expected a dataset of (frames, rows, columns)");
        }
        return Hdf5Reading.read(d, file, Spacing.UNIT, progress);
    }

    private static double[] theta(HdfFile f, Path file) {
        Node n;
        try {
            n = f.getByPath("/exchange/theta");
        } catch (HdfException e) {
            throw new InputException(file + ": no /exchange/theta; the projection angles are required (degrees, one per projection)", e);
        }
        if (!(n instanceof Dataset d) || d.getDimensions().length != 1) {
            throw new InputException(file + ":/exchange/theta: expected a 1D dataset of angles, found "
                    + (n instanceof Dataset d2 ? "rank " + d2.getDimensions().length : "a group"));
        }
        Object raw;
        try {
            raw = d.getData();
        } catch (HdfException e) {
            throw new InputException(file + ":/exchange/theta: cannot read (" + Hdf5Reading.oneLine(e.getMessage()) + ")", e);
        }
        double[] out = switch (raw) {
            case double[] a -> a.clone();
            case float[] a -> {
                double[] r = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    r[i] = a[i];
                }
                yield r;
            }
            case int[] a -> Arrays.stream(a).asDoubleStream().toArray();
            case long[] a -> Arrays.stream(a).asDoubleStream().toArray();
            default -> throw new InputException(file + ":/exchange/theta: expected float or integer angles, found "
                    + raw.getClass().getSimpleName());
        };
        String units = units(d);
        if (units != null && units.toLowerCase(Locale.ROOT).startsWith("rad")) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.toDegrees(out[i]);
            }
        }
        return out;
    }

    /** The {@code units} attribute as text, or null. */
    private static String units(Dataset d) {
        Attribute a = d.getAttribute("units");
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v instanceof String[] arr) {
            return arr.length > 0 ? arr[0] : null;
        }
        return v == null ? null : v.toString().strip();
    }
}
