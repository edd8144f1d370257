package org.tomolyte.echem.model;

/** Physical constants (CODATA 2018 exact values where defined). */
public final class Constants {

    private Constants() {
    }

    /** Faraday constant, C/mol. */
    public static final double FARADAY_C_MOL = 96485.33212;
    /** Molar gas constant, J/(mol K). */
    public static final double GAS_J_MOL_K = 8.314462618;
    /** Elementary charge, C. */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
}
