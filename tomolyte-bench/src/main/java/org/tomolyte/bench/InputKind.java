package org.tomolyte.bench;

import java.util.Locale;

/** Which volume of the benchmark phantom ({@link BenchPhantom}) a case reads. */
public enum InputKind {
    /** The u8 grey image (U16 grey of the cracked pellet, scaled min..max to 0..255). */
    GREY("u8 grey image"),
    /** u8 mask, 1 where grey &lt;= Otsu's threshold: pores and cracks (a few percent of the voxels). */
    PORES("u8 mask, 1 = pore or crack (grey <= Otsu threshold)"),
    /** u8 mask, 1 where grey &gt; Otsu's threshold: the electrolyte (most of the voxels). */
    SOLID("u8 mask, 1 = electrolyte (grey > Otsu threshold)");

    private final String description;

    InputKind(String description) {
        this.description = description;
    }

    /** What the volume holds. */
    public String description() {
        return description;
    }

    /** File name of this volume in the data folder: {@code grey.raw}, {@code pores.raw}, {@code solid.raw}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".raw";
    }
}
