package org.tomolyte.testkit;

import java.util.List;

import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;

/**
 * Ready-made phantoms with sensible defaults for the demo, examples and benchmarks, each about
 * 100-128 voxels on a side and generated in well under a second. Every method is a thin call
 * to one generator with the settings listed in its documentation; use the generator directly
 * for other settings.
 */
public final class Phantoms {

    private Phantoms() {
    }

    /**
     * 20 spheres of radius 12 um, at least 2 um apart, in a 128^3 volume of 1 um voxels
     * ({@link Spheres#uniform}).
     *
     * @param seed random seed
     * @return the phantom; close it
     */
    public static Spheres.Phantom spheres(long seed) {
        return Spheres.uniform(new Dims(128, 128, 128), Spacing.isotropic(1.0), 20, 12.0, 2.0, seed);
    }

    /** The settings of {@link #pellet(long)}. */
    public static CrackedPellet.Config pelletConfig() {
        return new CrackedPellet.Config(new Dims(128, 128, 128), Spacing.isotropic(0.7), 400, 1.4, 3.5, 0.7,
                List.of(new CrackedPellet.Crack(45, 45, 40, 0.2, 0.1, 1, 2.1, 30),
                        new CrackedPellet.Crack(30, 50, 55, 1, 0.3, 0.2, 1.75, 25)),
                40000, 12000, 2500);
    }

    /**
     * An LPS pellet as in paper 001: 128^3 voxels of 0.7 um, 400 pores of radius 1.4-3.5 um
     * (0.7 um apart), two tilted penny cracks (aperture 2.1 um / radius 30 um and 1.75 um / 25 um,
     * both fully inside), electrolyte grey 40000, void grey 12000, noise sigma 2500
     * ({@link CrackedPellet#generate}).
     *
     * @param seed random seed
     * @return the phantom; close it
     */
    public static CrackedPellet.Phantom pellet(long seed) {
        return CrackedPellet.generate(pelletConfig(), seed);
    }

    /**
     * The settings of {@link #cell(long, int)}.
     *
     * @param steps number of time steps, 1..12
     */
    public static SymmetricCell.Config cellConfig(int steps) {
        if (steps < 1 || steps > 12) {
            throw new ParameterException("steps must be in 1..12 for the default cell, got " + steps);
        }
        return new SymmetricCell.Config(new Dims(112, 112, 96), Spacing.isotropic(1.7), 51, 68, steps, 12, 18, 8.5,
                1.7, 3, 8, 4, 12000, 30000, 4000, 1500);
    }

    /**
     * A Li | LSPS | Li symmetric cell series as in paper 003: 112 x 112 x 96 voxels of 1.7 um;
     * bottom lithium 51 um (30 slices), electrolyte 68 um (40 slices), top lithium 26 slices;
     * 12 voids (final radius 9-18 um, depth 6-8.5 um) nucleating and growing at the bottom
     * (stripping) interface, so the contact fraction strictly decreases from step to step;
     * 3 fixed voids (radius 4-8 um, depth 4 um) at the top (plating) interface; grey lithium
     * 12000, electrolyte 30000, void 4000, noise sigma 1500 ({@link SymmetricCell#series}).
     *
     * @param seed  random seed
     * @param steps number of time steps, 1..12
     * @return the steps in order; close each
     */
    public static List<SymmetricCell.Step> cell(long seed, int steps) {
        return SymmetricCell.series(cellConfig(steps), seed);
    }

    /** The settings of {@link #cathode(long)}. */
    public static Cathode.Config cathodeConfig() {
        return new Cathode.Config(new Dims(128, 128, 128), new Spacing(0.08, 0.08, 0.1), 44, 1.0, 2.0, 1.5, 0.0,
                400, 0.12, 3.0, 250, 0.2, 0.5, 20, 200, 130, 70, 12);
    }

    /**
     * A composite cathode as in paper 000, scaled down: 128^3 voxels of 0.08 x 0.08 x 0.1 um
     * (FIB-SEM-like, slices thicker than pixels); 44 NMC ellipsoids (equivalent radius 1-2 um,
     * aspect up to 1.5, about 38 % of the volume); 400 carbon fibres (radius 0.12 um, length
     * 3 um, about 2 %); 250 pores (radius 0.2-0.5 um, about 2 %); electrolyte the rest; grey
     * void 20, NMC 200, electrolyte 130, carbon 70, noise sigma 12
     * ({@link Cathode#generate}).
     *
     * @param seed random seed
     * @return the phantom; close it
     */
    public static Cathode.Phantom cathode(long seed) {
        return Cathode.generate(cathodeConfig(), seed);
    }

    /**
     * A pellet of 30 um cubes (10^3 voxels of 3 um) whose porosity rises linearly through z from
     * 0.10 to 0.45 over 8 layers of 6 x 6 cubes, with 4, 3 and 5 solid edge voxels beyond the whole
     * cubes along x, y and z ({@link PorosityGradient#generate}); {@code porosity.factor} with
     * {@code block_um: 30} recovers d per layer exactly.
     *
     * @param seed random seed
     * @return the phantom; close it
     */
    public static PorosityGradient.Phantom porosityGradient(long seed) {
        return PorosityGradient.generate(new PorosityGradient.Config(new Dims(6, 6, 8), new Dims(10, 10, 10), 4, 3, 5,
                Spacing.isotropic(3.0), PorosityGradient.linear(8, 0.10, 0.45), false), seed);
    }
}
