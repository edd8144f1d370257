package org.tomolyte.analysis.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeIO;

/** TauFactor's electrode.tiff (../shared/data/taufactor): 256^3 labels 0/85/170, 0.390625 um voxels. */
public final class ElectrodeData {

    /** Voxel size of electrode.tiff (100 um box / 256), um. */
    public static final double VOXEL_UM = 100.0 / 256;

    private ElectrodeData() {
    }

    /** The folder, or a skipped test when the shared data are absent. */
    public static Path dir() {
        Path d = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "taufactor");
        Assumptions.assumeTrue(Files.isRegularFile(d.resolve("electrode.tiff")), "shared data absent: " + d);
        return d;
    }

    /** electrode.tiff with its physical voxel size. */
    public static Volume electrode() {
        Volume v = VolumeIO.read(dir().resolve("electrode.tiff"));
        return v.withSpacing(Spacing.isotropic(VOXEL_UM));
    }
}
