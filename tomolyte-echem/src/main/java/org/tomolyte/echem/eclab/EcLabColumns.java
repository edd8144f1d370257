package org.tomolyte.echem.eclab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.Table;

/**
 * The column ids of the data module of an EC-Lab {@code .mpr} file: name as EC-Lab writes it in
 * its {@code .mpt} export, binary type, and for the flag columns the bit mask in the shared flags
 * byte. The table was established by reading EC-Lab files next to their {@code .mpt} exports
 * (ids marked as verified in {@code EcLabPairTest} occur in the yadg test files) and from public
 * descriptions of the format (the galvani and yadg projects' issue threads).
 *
 * <p>Flag columns ({@code mode, ox/red, error, control changes, Ns changes, counter inc.}) do
 * not take bytes of their own: when any is present, every row starts with one unsigned byte
 * whose bits hold them all.
 */
public final class EcLabColumns {

    private EcLabColumns() {
    }

    /** Binary type of a column. */
    public enum Type {
        /** Bits of the shared flags byte. */
        FLAG(0),
        /** Unsigned 8-bit integer. */
        U8(1),
        /** Unsigned 16-bit integer, little-endian. */
        U16(2),
        /** Unsigned 32-bit integer, little-endian. */
        U32(4),
        /** IEEE 754 single, little-endian. */
        F32(4),
        /** IEEE 754 double, little-endian. */
        F64(8);

        /** Size in bytes (0 for flags, which share one byte). */
        public final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }

        /** The table kind values of this type become. */
        public Table.Kind kind() {
            return this == F32 || this == F64 ? Table.Kind.REAL : Table.Kind.INTEGER;
        }
    }

    /**
     * One known column.
     *
     * @param id   column id in the data module
     * @param name name as in EC-Lab's text export, e.g. {@code <I>/mA}
     * @param type binary type
     * @param mask bit mask in the flags byte (flags only, else 0)
     */
    public record Def(int id, String name, Type type, int mask) {
    }

    private static final Map<Integer, Def> BY_ID = new HashMap<>();

    private static void flag(int id, String name, int mask) {
        BY_ID.put(id, new Def(id, name, Type.FLAG, mask));
    }

    private static void col(int id, String name, Type type) {
        BY_ID.put(id, new Def(id, name, type, 0));
    }

    static {
        flag(1, "mode", 0x03);
        flag(2, "ox/red", 0x04);
        flag(3, "error", 0x08);
        flag(21, "control changes", 0x10);
        flag(31, "Ns changes", 0x20);
        flag(65, "counter inc.", 0x80);
        col(4, "time/s", Type.F64);
        col(5, "control/V/mA", Type.F32);
        col(6, "Ewe/V", Type.F32);
        col(7, "dq/mA.h", Type.F64);
        col(8, "I/mA", Type.F32);
        col(9, "Ece/V", Type.F32);
        col(11, "<I>/mA", Type.F64);
        col(13, "(Q-Qo)/mA.h", Type.F64);
        col(16, "Analog IN 1/V", Type.F32);
        col(17, "Analog IN 2/V", Type.F32);
        col(19, "control/V", Type.F32);
        col(20, "control/mA", Type.F32);
        col(23, "dQ/mA.h", Type.F64);
        col(24, "cycle number", Type.F64);
        col(26, "Rapp/Ohm", Type.F32);
        col(27, "Ewe-Ece/V", Type.F32);
        col(32, "freq/Hz", Type.F32);
        col(33, "|Ewe|/V", Type.F32);
        col(34, "|I|/A", Type.F32);
        col(35, "Phase(Z)/deg", Type.F32);
        col(36, "|Z|/Ohm", Type.F32);
        col(37, "Re(Z)/Ohm", Type.F32);
        col(38, "-Im(Z)/Ohm", Type.F32);
        col(39, "I Range", Type.U16);
        col(69, "R/Ohm", Type.F32);
        col(70, "P/W", Type.F32);
        col(74, "|Energy|/W.h", Type.F64);
        col(75, "Analog OUT/V", Type.F32);
        col(76, "<I>/mA", Type.F32);
        col(77, "<Ewe>/V", Type.F32);
        col(78, "Cs-2/\u00b5F-2", Type.F32);
        col(96, "|Ece|/V", Type.F32);
        col(98, "Phase(Zce)/deg", Type.F32);
        col(99, "|Zce|/Ohm", Type.F32);
        col(100, "Re(Zce)/Ohm", Type.F32);
        col(101, "-Im(Zce)/Ohm", Type.F32);
        col(123, "Energy charge/W.h", Type.F64);
        col(124, "Energy discharge/W.h", Type.F64);
        col(125, "Capacitance charge/\u00b5F", Type.F64);
        col(126, "Capacitance discharge/\u00b5F", Type.F64);
        col(131, "Ns", Type.U16);
        col(163, "|Estack|/V", Type.F32);
        col(168, "Rcmp/Ohm", Type.F32);
        col(169, "Cs/\u00b5F", Type.F32);
        col(172, "Cp/\u00b5F", Type.F32);
        col(173, "Cp-2/\u00b5F-2", Type.F32);
        col(174, "<Ewe>/V", Type.F32);
        col(178, "(Q-Qo)/C", Type.F32);
        col(179, "dQ/C", Type.F32);
        col(182, "step time/s", Type.F64);
        col(211, "Q charge/discharge/mA.h", Type.F64);
        col(212, "half cycle", Type.U32);
        col(213, "z cycle", Type.U32);
        col(430, "Phase(Zwe-ce)/deg", Type.F32);
        col(431, "|Zwe-ce|/Ohm", Type.F32);
        col(432, "Re(Zwe-ce)/Ohm", Type.F32);
        col(433, "-Im(Zwe-ce)/Ohm", Type.F32);
        col(434, "(Q-Qo)/C", Type.F32);
        col(435, "dQ/C", Type.F32);
        col(441, "<Ece>/V", Type.F32);
        col(467, "Q charge/discharge/mA.h", Type.F64);
        col(468, "half cycle", Type.U32);
        col(469, "z cycle", Type.U32);
        col(471, "<Ece>/V", Type.F32);
        col(473, "THD Ewe/%", Type.F32);
        col(474, "THD I/%", Type.F32);
        col(476, "NSD Ewe/%", Type.F32);
        col(477, "NSD I/%", Type.F32);
        col(479, "NSR Ewe/%", Type.F32);
        col(480, "NSR I/%", Type.F32);
        for (int h = 2; h <= 7; h++) {
            col(484 + h, "|Ewe h" + h + "|/V", Type.F32);
            col(490 + h, "|I h" + h + "|/A", Type.F32);
        }
        col(880, "Energy we/W.h", Type.F64);
    }

    /** The column with {@code id}, or null when the id is not known. */
    public static Def get(int id) {
        return BY_ID.get(id);
    }

    /** Name used for a column whose id is not known: {@code column <id>}. */
    public static String unknownName(int id) {
        return "column " + id;
    }

    /** Names of the flag columns in the order EC-Lab exports them. */
    static final List<Integer> FLAG_ORDER = List.of(1, 2, 3, 21, 31, 65);

    private static final List<String> UNITS = List.of("V/mA", "mS/cm", "Ohm.cm", "Ohm-1", "mA.h", "W.h", "\u00b5F-2", "\u00b5F",
            "nF", "deg", "%", "s", "V", "mA", "A", "Hz", "Ohm", "C", "W", "\u00b0C", "mS", "\u00b5A", "mW");

    /** The unit at the end of an EC-Lab column name ({@code time/s} -> {@code s}, {@code control/V/mA} -> {@code V/mA}), or "". */
    public static String unitOf(String name) {
        for (String u : UNITS) {
            if (name.endsWith("/" + u) && name.length() > u.length() + 1) {
                return u;
            }
        }
        return "";
    }
}
