package org.tomolyte.testkit;

import org.tomolyte.core.Dims;
import org.tomolyte.core.Volume;

/**
 * A sample that drifts on the stage between scans (operando series are rarely re-mounted at the
 * same place): a copy of a volume whose content moved by a whole number of voxels, so that
 * {@code out(p) = in(p - shift)}, with the voxels that enter the field of view taking the nearest
 * voxel of the input (edge replication). A registration must report exactly this shift.
 */
public final class StageDrift {

    private StageDrift() {
    }

    /**
     * The drifted copy.
     *
     * @param in input volume (not modified)
     * @param dx shift along x in voxels (content moves towards larger x when positive)
     * @param dy shift along y in voxels
     * @param dz shift along z in voxels
     * @return a new volume of the same size, type and spacing; close it
     */
    public static Volume shift(Volume in, int dx, int dy, int dz) {
        Dims d = in.dims();
        Volume out = Volume.allocateLike(in, in.type());
        double[] row = new double[d.nx()];
        double[] src = new double[d.nx()];
        for (int z = 0; z < d.nz(); z++) {
            int sz = Math.clamp(z - dz, 0, d.nz() - 1);
            for (int y = 0; y < d.ny(); y++) {
                int sy = Math.clamp(y - dy, 0, d.ny() - 1);
                in.read(d.index(0, sy, sz), src, 0, d.nx());
                for (int x = 0; x < d.nx(); x++) {
                    row[x] = src[Math.clamp(x - dx, 0, d.nx() - 1)];
                }
                out.write(d.index(0, y, z), row, 0, d.nx());
            }
        }
        return out;
    }
}
