package org.tomolyte.io;

import java.nio.file.Path;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;

/**
 * One volume file format: the reader/writer SPI. Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.tomolyte.io.VolumeFormat})
 * and used through {@link VolumeIO}, which picks the format, applies a spacing override and makes
 * writes atomic.
 *
 * <p>Readers must fail with an {@link org.tomolyte.core.InputException} naming the file and saying
 * what was expected and found for corrupt, truncated or unsupported files; they never modify
 * their input.
 */
public interface VolumeFormat {

    /** Short name, e.g. {@code tiff}, {@code zarr}. */
    String name();

    /** True when this format reads {@code path} (by extension, directory layout or magic bytes). */
    boolean canRead(Path path);

    /** True when this format writes to {@code path} (by extension). */
    boolean canWrite(Path path);

    /** Size, type and calibration without reading voxels (for {@code info} and preflight). */
    VolumeHeader probe(Path path, ReadOptions options);

    /** Reads the whole volume (or maps it, for raw files). */
    Volume read(Path path, ReadOptions options, Progress progress);

    /**
     * Writes {@code volume} to {@code path}, which does not exist yet ({@link VolumeIO} passes a
     * temporary name and renames it when this returns).
     */
    void write(Volume volume, Path path, WriteOptions options, Progress progress);
}
