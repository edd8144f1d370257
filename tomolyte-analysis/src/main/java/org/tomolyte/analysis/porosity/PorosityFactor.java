package org.tomolyte.analysis.porosity;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.core.Axis;
import org.tomolyte.core.DataType;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * Porosity factor of Dixit et al. (paper 001, Eq. 3): the volume is tiled into cubes of edge
 * {@code block_um} (per axis {@code round(block_um / spacing)} voxels, so anisotropic voxels give
 * boxes of equal physical size), the local porosity Phi of every whole cube is measured and
 * {@code d = Phi / Phi0 - 1}, with Phi0 the mean porosity of the whole binarised volume (partial
 * edge cubes included in Phi0, left out of the cubes: they are reported as dropped voxels).
 *
 * <p>With {@link Source#GREY} the local quantity is the cube's mean grey value G and
 * {@code d = G / G0 - 1} with G0 the whole volume's mean grey value (paper 001 Fig. S11-S12: raw
 * grey data, to avoid binarisation errors). Grey increases with density (attenuation), so a grey
 * d has the opposite sign to a porosity d for the same region; the paper uses it as is.
 *
 * <p>A section is the set of cubes sharing one index along an axis: a through-plane section
 * holds the cubes at one index along the through axis (paper 001 Fig. S10 statistics per
 * section), an in-plane section the cubes at one index along the first in-plane axis.
 */
public final class PorosityFactor {

    /** What the local quantity is. */
    public enum Source {
        /** Local porosity of the binary mask (Eq. 3). */
        MASK,
        /** Local mean grey value of the image, relative to the whole volume's mean grey. */
        GREY
    }

    private PorosityFactor() {
    }

    /**
     * Cubes of one size.
     *
     * @param blockUm       requested cube edge in um
     * @param grid          grid geometry (edges, counts); its sums are the pore counts
     * @param porosity      local porosity of each cube from the mask, flat index {@code (iz nby + iy) nbx + ix}
     * @param greyMean      local mean grey of each cube ({@link Source#GREY}), else null
     * @param d             porosity factor of each cube; NaN everywhere when the reference (Phi0 or G0) is 0
     * @param droppedVoxels voxels outside whole cubes (partial cubes at the far edges)
     * @param spacing       voxel size in um
     */
    public record Blocks(double blockUm, BlockSums.Grid grid, double[] porosity, double[] greyMean, double[] d, long droppedVoxels,
                         Spacing spacing) {

        /** Centre of the cube with index {@code i} along {@code axis}, in um. */
        public double centreUm(Axis axis, int i) {
            int b = grid.edgeAlong(axis.index());
            return (i * (double) b + b / 2.0) * spacing.along(axis.index());
        }

        /** Cube pitch along {@code axis} in um (edge voxels times spacing). */
        public double pitchUm(Axis axis) {
            return grid.edgeAlong(axis.index()) * spacing.along(axis.index());
        }

        /** The d values of the cubes with index {@code section} along {@code axis}, in raster order. */
        public double[] section(Axis axis, int section) {
            int nbx = grid.nbx();
            int nby = grid.nby();
            int nbz = grid.nbz();
            int[] lo = {0, 0, 0};
            int[] hi = {nbx, nby, nbz};
            lo[axis.index()] = section;
            hi[axis.index()] = section + 1;
            double[] out = new double[(hi[0] - lo[0]) * (hi[1] - lo[1]) * (hi[2] - lo[2])];
            int k = 0;
            for (int iz = lo[2]; iz < hi[2]; iz++) {
                for (int iy = lo[1]; iy < hi[1]; iy++) {
                    for (int ix = lo[0]; ix < hi[0]; ix++) {
                        out[k++] = d[grid.index(ix, iy, iz)];
                    }
                }
            }
            return out;
        }

        /**
         * d of a section as a 2D map: {@code values[j * nu + i]} with i along {@code u} and j along
         * {@code v}, the two axes other than {@code axis}.
         */
        public double[] sectionMap(Axis axis, int section, Axis u, Axis v) {
            int nu = grid.blocksAlong(u.index());
            int nv = grid.blocksAlong(v.index());
            double[] out = new double[nu * nv];
            int[] idx = new int[3];
            idx[axis.index()] = section;
            for (int j = 0; j < nv; j++) {
                for (int i = 0; i < nu; i++) {
                    idx[u.index()] = i;
                    idx[v.index()] = j;
                    out[j * nu + i] = d[grid.index(idx[0], idx[1], idx[2])];
                }
            }
            return out;
        }
    }

    /**
     * Result for all sizes.
     *
     * @param meanPorosity Phi0, the pore fraction of the whole mask
     * @param meanGrey     G0, the whole image's mean grey ({@link Source#GREY}), else NaN
     * @param source       what d is computed from
     * @param blocks       one entry per requested size, in request order
     */
    public record Result(double meanPorosity, double meanGrey, Source source, List<Blocks> blocks) {
    }

    /**
     * Computes the porosity factor for every cube edge in {@code blockUm}.
     *
     * @param mask     U8 mask, nonzero = pore
     * @param grey     grey image of the same size (needed for {@link Source#GREY}, else ignored; may be null)
     * @param blockUm  cube edges in um, each &gt; 0 and no larger than the volume along any axis
     * @param source   what d is computed from
     * @param progress progress of the streaming passes
     * @return per size the cubes' porosity and d
     */
    public static Result compute(Volume mask, Volume grey, double[] blockUm, Source source, Progress progress) {
        if (mask.type() != DataType.U8) {
            throw new InputException("porosity.factor needs a u8 mask (0 solid, nonzero pore), got " + mask.type().label());
        }
        boolean useGrey = source == Source.GREY;
        if (useGrey) {
            if (grey == null) {
                throw new InputException("porosity.factor with source grey needs the grey input");
            }
            if (!grey.dims().equals(mask.dims())) {
                throw new InputException("grey (" + grey.dims() + ") and mask (" + mask.dims() + ") must have the same size");
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (double b : blockUm) {
            edges.add(BlockSums.edgeVoxels("block_um", b, mask.dims(), mask.spacing()));
        }
        BlockSums.Result counts = BlockSums.compute(mask, true, edges, progress);
        BlockSums.Result sums = useGrey ? BlockSums.compute(grey, false, edges, progress) : null;
        double phi0 = counts.total() / counts.voxels();
        double g0 = useGrey ? sums.total() / sums.voxels() : Double.NaN;
        List<Blocks> out = new ArrayList<>();
        for (int s = 0; s < blockUm.length; s++) {
            BlockSums.Grid g = counts.grids().get(s);
            double bv = g.blockVoxels();
            int n = g.count();
            double[] phi = new double[n];
            double[] gm = useGrey ? new double[n] : null;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                phi[i] = g.sums()[i] / bv;
                if (useGrey) {
                    gm[i] = sums.grids().get(s).sums()[i] / bv;
                    d[i] = g0 == 0 ? Double.NaN : gm[i] / g0 - 1;
                } else {
                    d[i] = phi0 == 0 ? Double.NaN : phi[i] / phi0 - 1;
                }
            }
            long dropped = counts.voxels() - (long) n * g.blockVoxels();
            out.add(new Blocks(blockUm[s], g, phi, gm, d, dropped, mask.spacing()));
        }
        return new Result(phi0, g0, source, List.copyOf(out));
    }
}
