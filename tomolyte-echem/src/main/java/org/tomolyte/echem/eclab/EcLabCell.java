package org.tomolyte.echem.eclab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Cell characteristics of an EC-Lab {@code .mpr} settings module ({@code VMP Set}), the values EC-Lab prints in
 * the export header as "Mass of active material", "Molecular weight of active material (at x = 0)", "Atomic
 * weight of intercalated ion", "Acquisition started at: xo", "Number of e- transfered per intercalated ion" and
 * (the electrode surface area, at 0x211 in cm², is not read: no derived column here needs it).
 *
 * <p>Read at the offsets of the settings module's content that the yadg project documents
 * ({@code extractors/eclab/mpr.py}): active material mass at 0x107 (float32, mg), "at x" at 0x10B, molecular
 * weight at 0x10F (g/mol), atomic weight of the intercalated ion at 0x113 (g/mol), xo at 0x117, electrons per
 * intercalated ion at 0x11B (u16). The same offsets hold in the old
 * (EC-Lab 11.3x/11.4x) and new (11.50+) module layouts: every {@code .mpr} of the yadg test set gives the
 * values its export header prints.
 *
 * @param activeMass_mg       mass of active material, mg
 * @param atX                 the x at which that mass is given
 * @param molecularWeight_g_mol molecular weight of the active material at x = 0, g/mol
 * @param ionWeight_g_mol     atomic weight of the intercalated ion, g/mol
 * @param x0                  x at the start of the acquisition
 * @param electronsPerIon     electrons transferred per intercalated ion
 */
record EcLabCell(double activeMass_mg, double atX, double molecularWeight_g_mol, double ionWeight_g_mol, double x0, int electronsPerIon) {

    /** Faraday constant as EC-Lab uses it, C/mol: its exported {@code x} columns give DQ = 26.8015 mA.h per mole to 1e-15. */
    static final double FARADAY_C_PER_MOL = 96485.4;

    /** Bytes a settings module needs to hold all fields read here. */
    static final int MIN_LENGTH = 0x11D;

    /** The cell characteristics of a settings module's content ({@code length} bytes from {@code start}), or null if too short. */
    static EcLabCell read(byte[] bytes, int start, int length) {
        if (length < MIN_LENGTH) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new EcLabCell(b.getFloat(start + 0x107), b.getFloat(start + 0x10B), b.getFloat(start + 0x10F), b.getFloat(start + 0x113),
                b.getFloat(start + 0x117), Short.toUnsignedInt(b.getShort(start + 0x11B)));
    }

    /**
     * Charge that changes x by one, mA.h: {@code n F m / M} with the mass m in g and M the molecular weight at x = 0
     * (EC-Lab's "for DX = 1, DQ = ..."); 0 when any of them is not positive or the mass is given at x other than 0
     * (how EC-Lab then converts is not known here).
     */
    double chargePerX_mAh() {
        if (activeMass_mg <= 0 || molecularWeight_g_mol <= 0 || electronsPerIon <= 0 || atX != 0) {
            return 0;
        }
        return electronsPerIon * FARADAY_C_PER_MOL * (activeMass_mg * 1e-3) / molecularWeight_g_mol / 3.6;
    }
}
