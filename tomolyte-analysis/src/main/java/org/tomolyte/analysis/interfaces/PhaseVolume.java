package org.tomolyte.analysis.interfaces;

import java.util.List;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;
import org.tomolyte.image.morphology.BallMorphology;

/**
 * Volume of a phase inside a region, e.g. the X-ray-transparent (void) volume inside the
 * electrolyte bulk during plating and stripping (Dixit et al., paper 001, Fig. 7c). The phase is
 * either one value of a label volume or the non-zero voxels of a mask; the region is either
 * one value of the same label volume, the non-zero voxels of a region mask, or the whole
 * volume. With {@code erodeUm > 0} the region is first eroded by a ball of that radius in um
 * ({@link BallMorphology#erode}, round on anisotropic voxels; a region cut by the field of view
 * is not eroded from the cut face), which keeps interfaces out of a "bulk" region.
 */
public final class PhaseVolume {

    private PhaseVolume() {
    }

    /**
     * Result.
     *
     * @param phaseVoxels     phase voxels inside the region
     * @param regionVoxels    region voxels
     * @param volumeUm3       phaseVoxels times the voxel volume
     * @param regionVolumeUm3 regionVoxels times the voxel volume
     * @param fraction        phaseVoxels / regionVoxels (NaN for an empty region)
     */
    public record Result(long phaseVoxels, long regionVoxels, double volumeUm3, double regionVolumeUm3, double fraction) {
    }

    /**
     * Measures.
     *
     * @param source      label volume or mask
     * @param phase       label value of the phase, or -1: every non-zero voxel of {@code source}
     * @param region      region mask (non-zero inside), or null
     * @param regionPhase label value of {@code source} forming the region when {@code region} is null, or -1: whole volume
     * @param erodeUm     erosion radius of the region, um, &gt;= 0
     */
    public static Result measure(Volume source, int phase, Volume region, int regionPhase, double erodeUm, Progress progress) {
        Check.atLeast("erode_um", erodeUm, 0);
        if (region != null && !region.dims().equals(source.dims())) {
            throw new InputException("region " + region.dims() + " must have the dimensions of the phase input " + source.dims());
        }
        Volume owned = null;
        Volume reg = region;
        if (erodeUm > 0) {
            Volume base = region;
            if (base == null) {
                base = regionMask(source, regionPhase);
            }
            owned = BallMorphology.erode(base, erodeUm, progress);
            if (base != region) {
                base.close();
            }
            reg = owned;
        }
        final Volume r = reg;
        final boolean byPhase = r == null && regionPhase >= 0;
        int nx = source.dims().nx();
        int ny = source.dims().ny();
        int slice = nx * ny;
        List<long[]> parts = Parallel.map(source.dims().nz(), z -> {
            int[] a = new int[slice];
            int[] b = r == null ? null : new int[slice];
            source.read((long) z * slice, a, 0, slice);
            if (b != null) {
                r.read((long) z * slice, b, 0, slice);
            }
            long inPhase = 0;
            long inRegion = 0;
            for (int i = 0; i < slice; i++) {
                boolean in = b != null ? b[i] != 0 : !byPhase || a[i] == regionPhase;
                if (in) {
                    inRegion++;
                    if (phase < 0 ? a[i] != 0 : a[i] == phase) {
                        inPhase++;
                    }
                }
            }
            return new long[] {inPhase, inRegion};
        });
        if (owned != null) {
            owned.close();
        }
        long p = 0;
        long n = 0;
        for (long[] part : parts) {
            p += part[0];
            n += part[1];
        }
        double vv = source.spacing().voxelVolumeUm3();
        return new Result(p, n, p * vv, n * vv, n == 0 ? Double.NaN : (double) p / n);
    }

    private static Volume regionMask(Volume source, int regionPhase) {
        Volume m = Volume.allocate(source.dims(), DataType.U8, source.spacing());
        int slice = (int) source.dims().sliceVoxels();
        int[] a = new int[slice];
        byte[] b = new byte[slice];
        for (int z = 0; z < source.dims().nz(); z++) {
            source.read((long) z * slice, a, 0, slice);
            for (int i = 0; i < slice; i++) {
                b[i] = (byte) (regionPhase < 0 || a[i] == regionPhase ? 1 : 0);
            }
            m.write((long) z * slice, b, 0, slice);
        }
        return m;
    }
}
