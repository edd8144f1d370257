package org.tomolyte.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeFormat;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.WriteOptions;

/**
 * HDF5 files ({@code .h5 .hdf5 .hdf .nxs}), read-only, format name {@code hdf5}, with the pure
 * Java jhdf library.
 *
 * <p>Reads the dataset named by {@link ReadOptions#dataset()} (e.g. {@code /exchange/data}); when
 * none is named and the file holds exactly one dataset of rank 3 or 2, that one. A dataset of
 * shape (z, y, x) becomes a volume nx x ny x nz; (y, x) a single slice. Types: uint8 -> U8,
 * uint16 -> U16, int8/int16/int32 -> I32, float32 -> F32, float64 -> F64. Data are read a block
 * of slices at a time so heap use stays bounded. HDF5 carries no standard voxel size: spacing is
 * the override, else 1 um (unknown). For APS data-exchange projections use {@link Hdf5Projections}.
 */
public final class Hdf5Format implements VolumeFormat {

    /** Creates the format (used by {@link java.util.ServiceLoader}). */
    public Hdf5Format() {
    }

    /** {@code hdf5}. */
    @Override
    public String name() {
        return "hdf5";
    }

    /** True for a regular file ending in {@code .h5}, {@code .hdf5}, {@code .hdf} or {@code .nxs}. */
    @Override
    public boolean canRead(Path path) {
        Path n = path.getFileName();
        if (n == null || !Files.isRegularFile(path)) {
            return false;
        }
        String s = n.toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".h5") || s.endsWith(".hdf5") || s.endsWith(".hdf") || s.endsWith(".nxs");
    }

    /** Always false: Tomolyte does not write HDF5. */
    @Override
    public boolean canWrite(Path path) {
        return false;
    }

    /** Size and type of the selected dataset, without reading its data. */
    @Override
    public VolumeHeader probe(Path path, ReadOptions options) {
        try (HdfFile f = Hdf5Reading.open(path)) {
            Dataset d = select(f, path, options.dataset());
            Dims dims = Hdf5Reading.dimsOf(d, path);
            Spacing s = options.spacing() != null ? options.spacing() : Spacing.UNIT;
            return new VolumeHeader(dims, Hdf5Reading.typeOf(d, path), s, options.spacing() != null, name(),
                    "hdf5 dataset " + d.getPath() + ", " + d.getDataLayout().name().toLowerCase(Locale.ROOT) + " layout");
        }
    }

    /** Reads the selected dataset in blocks of slices. */
    @Override
    public Volume read(Path path, ReadOptions options, Progress progress) {
        try (HdfFile f = Hdf5Reading.open(path)) {
            Dataset d = select(f, path, options.dataset());
            return Hdf5Reading.read(d, path, options.spacing() != null ? options.spacing() : Spacing.UNIT, progress);
        }
    }

    /** Not supported: Tomolyte writes TIFF, Zarr, NPY or raw. */
    @Override
    public void write(Volume volume, Path path, WriteOptions options, Progress progress) {
        throw new ParameterException(path + ": Tomolyte does not write HDF5; use .tif, .zarr, .npy or .raw");
    }

    private static Dataset select(HdfFile f, Path path, String dataset) {
        if (dataset != null) {
            return Hdf5Reading.dataset(f, path, dataset);
        }
        List<Dataset> ds = Hdf5Reading.volumeDatasets(f);
        if (ds.size() == 1) {
            return ds.getFirst();
        }
        throw new InputException(path + ": name a dataset as " + path + ":/path; datasets here: " + Hdf5Reading.listing(f));
    }
}
