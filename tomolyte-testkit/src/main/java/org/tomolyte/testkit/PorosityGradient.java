package org.tomolyte.testkit;

import java.util.SplittableRandom;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.Check;

/**
 * A binarised pellet whose porosity varies through the thickness (z) layer by layer, with exact
 * truth for the porosity factor of Dixit et al. (paper 001, Eq. 3).
 *
 * <p>The volume is a grid of {@code blocks.nx x blocks.ny x blocks.nz} cells of
 * {@code cell.nx x cell.ny x cell.nz} voxels, followed by {@code extraX}, {@code extraY},
 * {@code extraZ} voxels at the far x, y and z edges that belong to no whole cell. Every cell of
 * layer iz holds exactly {@code round(layerPorosity[iz] * cellVoxels)} pore voxels (U8 value 1) at
 * positions drawn from the seed (a partial Fisher-Yates shuffle per cell, an independent stream per
 * cell); the edge voxels are all pore when {@code edgePore}, else all solid. So with cubes aligned
 * to the cells, every cube's porosity, the mean porosity Phi0 of the whole volume and
 * d = Phi / Phi0 - 1 per layer are known exactly ({@link Phantom#layerPorosity(int)},
 * {@link Phantom#meanPorosity()}, {@link Phantom#d(int)}), and every cube of a layer has the same d.
 */
public final class PorosityGradient {

    private PorosityGradient() {
    }

    /**
     * Generator settings.
     *
     * @param blocks        whole cells per axis, each &gt;= 1
     * @param cell          cell edge in voxels per axis, each &gt;= 1
     * @param extraX        voxels beyond the whole cells at the far x edge, &gt;= 0
     * @param extraY        the same along y, &gt;= 0
     * @param extraZ        the same along z, &gt;= 0
     * @param spacing       voxel size in um (anisotropic allowed)
     * @param layerPorosity target porosity of each z layer of cells, 0..1, {@code blocks.nz} values
     * @param edgePore      edge voxels are pore (true) or solid (false)
     */
    public record Config(Dims blocks, Dims cell, int extraX, int extraY, int extraZ, Spacing spacing, double[] layerPorosity,
                         boolean edgePore) {
        /** Validates every value; throws {@link ParameterException} naming the bad one. */
        public Config {
            Check.required("blocks", blocks);
            Check.required("cell", cell);
            Check.required("spacing", spacing);
            Check.required("layerPorosity", layerPorosity);
            Check.range("extraX", extraX, 0, 1 << 20);
            Check.range("extraY", extraY, 0, 1 << 20);
            Check.range("extraZ", extraZ, 0, 1 << 20);
            if (layerPorosity.length != blocks.nz()) {
                throw new ParameterException("layerPorosity needs one value per z layer (" + blocks.nz() + "), got " + layerPorosity.length);
            }
            for (double p : layerPorosity) {
                Check.range("layerPorosity", p, 0, 1);
            }
            layerPorosity = layerPorosity.clone();
        }

        /** Size of the generated volume in voxels. */
        public Dims dims() {
            return new Dims(blocks.nx() * cell.nx() + extraX, blocks.ny() * cell.ny() + extraY, blocks.nz() * cell.nz() + extraZ);
        }
    }

    /**
     * Porosity rising linearly with the layer index: layer iz gets
     * {@code first + (last - first) iz / (layers - 1)} (first for a single layer).
     */
    public static double[] linear(int layers, double first, double last) {
        Check.range("layers", layers, 1, 1 << 20);
        double[] p = new double[layers];
        for (int i = 0; i < layers; i++) {
            p[i] = layers == 1 ? first : first + (last - first) * i / (layers - 1);
        }
        return p;
    }

    /**
     * The generated mask and its truth.
     *
     * @param mask       U8 mask, 1 = pore; close it
     * @param config     the settings
     * @param cellPores  pore voxels in every cell of each layer
     * @param totalPores pore voxels of the whole volume (edges included)
     */
    public record Phantom(Volume mask, Config config, long[] cellPores, long totalPores) implements AutoCloseable {

        /** Voxels per cell. */
        public long cellVoxels() {
            return config.cell().voxels();
        }

        /** Exact porosity of every cell of layer {@code iz}. */
        public double layerPorosity(int iz) {
            return cellPores[iz] / (double) cellVoxels();
        }

        /** Exact pore fraction Phi0 of the whole volume, edges included. */
        public double meanPorosity() {
            return totalPores / (double) mask.voxels();
        }

        /** Exact porosity factor of every cell of layer {@code iz}: Phi / Phi0 - 1. */
        public double d(int iz) {
            return layerPorosity(iz) / meanPorosity() - 1;
        }

        /** Voxels outside whole cells. */
        public long edgeVoxels() {
            return mask.voxels() - config.blocks().voxels() * cellVoxels();
        }

        @Override
        public void close() {
            mask.close();
        }
    }

    /**
     * Generates the phantom.
     *
     * @param c    settings
     * @param seed random seed
     * @return mask and truth; close it
     */
    public static Phantom generate(Config c, long seed) {
        int cx = c.cell().nx();
        int cy = c.cell().ny();
        int cz = c.cell().nz();
        Dims dims = c.dims();
        Volume v = Volume.allocate(dims, DataType.U8, c.spacing());
        if (c.edgePore()) {
            v.fill(1);
        }
        int cv = Math.toIntExact(c.cell().voxels());
        long[] pores = new long[c.blocks().nz()];
        int[] perm = new int[cv];
        byte[] cellBytes = new byte[cv];
        long total = 0;
        SplittableRandom root = new SplittableRandom(seed);
        for (int iz = 0; iz < c.blocks().nz(); iz++) {
            int k = (int) Math.round(c.layerPorosity()[iz] * cv);
            pores[iz] = k;
            for (int iy = 0; iy < c.blocks().ny(); iy++) {
                for (int ix = 0; ix < c.blocks().nx(); ix++) {
                    SplittableRandom rnd = root.split();
                    for (int i = 0; i < cv; i++) {
                        perm[i] = i;
                    }
                    java.util.Arrays.fill(cellBytes, (byte) 0);
                    for (int i = 0; i < k; i++) {
                        int j = i + rnd.nextInt(cv - i);
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                        cellBytes[perm[i]] = 1;
                    }
                    for (int z = 0; z < cz; z++) {
                        for (int y = 0; y < cy; y++) {
                            long start = dims.index(ix * cx, iy * cy + y, iz * cz + z);
                            v.write(start, cellBytes, (z * cy + y) * cx, cx);
                        }
                    }
                    total += k;
                }
            }
        }
        if (c.edgePore()) {
            total += dims.voxels() - c.blocks().voxels() * cv;
        }
        return new Phantom(v, c, pores, total);
    }
}
