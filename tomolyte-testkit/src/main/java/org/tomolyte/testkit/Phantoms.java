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

    /** The settings of {@link #operandoCell(long, int)}. */
    public static OperandoCell.Config operandoCellConfig(int steps) {
        return new OperandoCell.Config(new Dims(96, 96, 120), Spacing.isotropic(1.7), 6, 2, 24, 40, 20, steps, 2, 2, 1,
                8, 17, 5, 3.4, 4, 8.5, 5, new double[] {2000, 30000, 19000, 50000, 24500}, 0.7, 250);
    }

    /**
     * An operando Li | LSPS | Li cell between steel collectors as in paper 003: 96 x 96 x 120
     * voxels of 1.7 um; bottom collector 6 slices (faces tilted by 2 slices across the volume),
     * bottom lithium 24 slices stripped by 2 slices per step, electrolyte 40 slices whose top grows
     * 1 slice of interphase per step, top lithium 20 slices plated by 2 slices per step; 8 stepped
     * lens voids (final radius 10-17 um, depth 3.5-5 slices) nucleating and growing at the stripping
     * interface; 4 bulk pores (radius 8.5 um) 5 slices above it; grey void 2000, electrolyte 30000,
     * lithium 19000, collector 50000, interphase 24500, blur sigma 0.7 voxel, noise sigma 250
     * ({@link OperandoCell#series}).
     *
     * @param seed  random seed
     * @param steps number of time steps, 1..5
     * @return the steps in order; close each
     */
    public static List<OperandoCell.Step> operandoCell(long seed, int steps) {
        if (steps < 1 || steps > 5) {
            throw new ParameterException("steps must be in 1..5 for the demo operando cell, got " + steps);
        }
        return OperandoCell.series(operandoCellConfig(steps), seed);
    }

    /**
     * The settings of {@link #pelletSeries(long, int)}.
     *
     * @param steps number of time steps, 1..6
     */
    public static PelletSeries.Config pelletSeriesConfig(int steps) {
        if (steps < 1 || steps > 6) {
            throw new ParameterException("steps must be in 1..6 for the default pellet series, got " + steps);
        }
        return new PelletSeries.Config(new Dims(128, 128, 96), Spacing.isotropic(0.7), steps, 50.4, 300, 1.4, 3.5, 1.4,
                List.of(new PelletSeries.GrowingCrack(25, 30, 44, 1, 0.25, 0.1, 2.1, 0, 8, 5),
                        new PelletSeries.GrowingCrack(62, 60, 42, 0.2, 1, 0.1, 1.75, 1, 7, 5),
                        new PelletSeries.GrowingCrack(60, 22, 40, 1, -0.6, 0.15, 1.75, 2, 6, 4)),
                40000, 12000, 24000, 2500);
    }

    /**
     * A cracking LPS pellet under a lithium electrode, as a time series for paper 001's
     * workflow: 128 x 128 x 96 voxels of 0.7 um; lithium above z = 50.4 um (slices 72-95, grey
     * 24000); 300 fixed pores of radius 1.4-3.5 um, 1.4 um apart; three near-vertical penny
     * cracks below the lithium that appear at steps 0, 1 and 2 (radius 8, 7 and 6 um) and grow
     * by 5, 5 and 4 um per step, so crack count and crack volume increase; electrolyte grey
     * 40000, pores and cracks 12000, noise sigma 2500 ({@link PelletSeries#series}).
     *
     * @param seed  random seed
     * @param steps number of time steps, 1..6
     * @return the steps in order; close each
     */
    public static List<PelletSeries.Step> pelletSeries(long seed, int steps) {
        return PelletSeries.series(pelletSeriesConfig(steps), seed);
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
