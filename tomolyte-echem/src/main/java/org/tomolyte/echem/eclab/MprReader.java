package org.tomolyte.echem.eclab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/**
 * Reads an EC-Lab binary {@code .mpr} file ("BIO-LOGIC MODULAR FILE").
 *
 * <p>Layout, as read here (little-endian throughout):
 * <ul>
 * <li>52-byte file header starting with {@code BIO-LOGIC MODULAR FILE}.</li>
 * <li>Modules, each: {@code MODULE}, short name (10 bytes, e.g. {@code VMP Set}, {@code VMP data},
 *     {@code VMP LOG}, {@code VMP loop}), long name (25 bytes), then either (older EC-Lab)
 *     {@code length u32, version u32, date 8 bytes} or (EC-Lab 11.50 and later, recognised by
 *     {@code 0xFFFFFFFF} right after the long name) {@code 0xFFFFFFFF, length u32, u32, version u32,
 *     date 8 bytes}; then {@code length} bytes of content.</li>
 * <li>{@code VMP Set}: the first content byte is the technique id.</li>
 * <li>{@code VMP data}: {@code points u32}, column count ({@code u8} in the older header, {@code u16}
 *     in the newer), column ids ({@code u16} each), and the rows from offset 0x195 (version 2),
 *     0x196 (version 3) or 0x3EF (newer header) of the content. A row is the flags byte (when any
 *     flag column is present) followed by the other columns in id order as listed, each of the type
 *     {@link EcLabColumns} gives.</li>
 * <li>{@code VMP loop}: {@code count u32} then the first row index of each loop ({@code u32}).</li>
 * </ul>
 * A column id missing from {@link EcLabColumns} is read as a generic column named
 * {@code column <id>} when it is the only unknown one, its size being what the row size leaves
 * (1 byte -> u8, 2 -> u16, 4 -> f32, 8 -> f64); otherwise reading stops with an error naming the ids.
 */
final class MprReader {

    private static final byte[] MAGIC = "BIO-LOGIC MODULAR FILE".getBytes(StandardCharsets.US_ASCII);

    private MprReader() {
    }

    /** Technique ids of the settings module, with EC-Lab's names. */
    static final Map<Integer, String> TECHNIQUES = Map.of(
            4, "Galvanostatic Cycling with Potential Limitation",
            6, "Cyclic Voltammetry",
            11, "Open Circuit Voltage",
            24, "Chronoamperometry / Chronocoulometry",
            25, "Chronopotentiometry",
            28, "Wait",
            29, "Potentio Electrochemical Impedance Spectroscopy",
            30, "Galvano Electrochemical Impedance Spectroscopy",
            127, "Modulo Bat");

    private record Module(String name, int version, boolean newHeader, int start, int length) {
    }

    static EchemData read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || !startsWith(bytes, 0, MAGIC)) {
            throw new InputException(file + ": not an EC-Lab .mpr file (expected 'BIO-LOGIC MODULAR FILE' at the start)");
        }
        List<Module> modules = modules(file, b);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("modules", String.join(", ", modules.stream().map(Module::name).toList()));
        String technique = "unknown";
        Module data = null;
        EcLabCell cell = null;
        long[] loopStarts = new long[0];
        for (Module m : modules) {
            switch (m.name()) {
                case "VMP Set" -> {
                    if (m.length() > 0) {
                        int id = bytes[m.start()] & 0xff;
                        technique = TECHNIQUES.getOrDefault(id, "technique id " + id);
                        info.put("technique id", Integer.toString(id));
                        cell = EcLabCell.read(bytes, m.start(), m.length());
                    }
                }
                case "VMP data" -> data = m;
                case "VMP loop" -> {
                    String starts = loops(file, b, m);
                    info.put("loop starts", starts);
                    loopStarts = starts.isEmpty() ? new long[0] : java.util.Arrays.stream(starts.split(" ")).mapToLong(Long::parseLong).toArray();
                }
                default -> {
                }
            }
        }
        if (data == null) {
            throw new InputException(file + ": no 'VMP data' module (modules: " + info.get("modules") + ")");
        }
        info.put("data module version", Integer.toString(data.version()));
        List<String> notes = new ArrayList<>();
        Table table = dataTable(file, b, data, notes);
        table = EcLabDerived.complete(table, new EcLabCycleColumns.Context(technique, loopStarts, data.newHeader(), cell));
        return new EchemData(file, "mpr", technique, table, info, notes);
    }

    private static boolean startsWith(byte[] a, int at, byte[] prefix) {
        if (at + prefix.length > a.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Module> modules(Path file, ByteBuffer b) {
        List<Module> out = new ArrayList<>();
        byte[] tag = "MODULE".getBytes(StandardCharsets.US_ASCII);
        int pos = 52;
        while (pos < b.limit()) {
            if (!startsWith(b.array(), pos, tag)) {
                throw new InputException(file + ": expected a 'MODULE' header at byte " + pos + " of " + b.limit());
            }
            if (pos + 6 + 35 + 16 + 8 > b.limit()) {
                throw new InputException(file + ": truncated module header at byte " + pos);
            }
            String shortName = new String(b.array(), pos + 6, 10, StandardCharsets.ISO_8859_1).strip();
            int h = pos + 6 + 10 + 25;
            boolean newHeader = b.getInt(h) == -1;
            long length;
            int version;
            int start;
            if (newHeader) {
                length = Integer.toUnsignedLong(b.getInt(h + 4));
                version = b.getInt(h + 12);
                start = h + 24;
            } else {
                length = Integer.toUnsignedLong(b.getInt(h));
                version = b.getInt(h + 4);
                start = h + 16;
            }
            if (start + length > b.limit()) {
                throw new InputException(file + ": module '" + shortName + "' claims " + length + " bytes but the file ends "
                        + (b.limit() - start) + " bytes after its header (truncated file?)");
            }
            out.add(new Module(shortName, version, newHeader, start, (int) length));
            pos = (int) (start + length);
        }
        return out;
    }

    private static String loops(Path file, ByteBuffer b, Module m) {
        if (m.length() < 4) {
            throw new InputException(file + ": 'VMP loop' module too short (" + m.length() + " bytes)");
        }
        int n = b.getInt(m.start());
        if (n < 0 || 4 + 4L * n > m.length()) {
            throw new InputException(file + ": 'VMP loop' module lists " + n + " loops but holds " + m.length() + " bytes");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(Integer.toUnsignedLong(b.getInt(m.start() + 4 + 4 * i)));
        }
        return s.toString();
    }

    private static Table dataTable(Path file, ByteBuffer b, Module m, List<String> notes) {
        int c = m.start();
        long points = Integer.toUnsignedLong(b.getInt(c));
        int ncols = m.newHeader() ? Short.toUnsignedInt(b.getShort(c + 4)) : b.get(c + 4) & 0xff;
        int idStart = c + (m.newHeader() ? 6 : 5);
        if (idStart + 2 * ncols > c + m.length()) {
            throw new InputException(file + ": 'VMP data' lists " + ncols + " columns but the module is only " + m.length() + " bytes");
        }
        int[] ids = new int[ncols];
        for (int i = 0; i < ncols; i++) {
            ids[i] = Short.toUnsignedInt(b.getShort(idStart + 2 * i));
        }
        boolean hasFlags = false;
        int known = 0;
        List<Integer> unknown = new ArrayList<>();
        for (int id : ids) {
            EcLabColumns.Def d = EcLabColumns.get(id);
            if (d == null) {
                unknown.add(id);
            } else if (d.type() == EcLabColumns.Type.FLAG) {
                hasFlags = true;
            } else {
                known += d.type().bytes;
            }
        }
        known += hasFlags ? 1 : 0;
        int offset = switch (m.version()) {
            case 2 -> 0x195;
            case 3 -> 0x196;
            default -> m.newHeader() ? 0x3ef : -1;
        };
        if (offset < 0 && unknown.isEmpty() && points > 0) {
            offset = (int) (m.length() - points * known);
        }
        if (offset < 0) {
            throw new InputException(file + ": 'VMP data' module version " + m.version() + " is not known and it has unknown column ids "
                    + unknown + ", so its rows cannot be located");
        }
        long available = m.length() - offset;
        EcLabColumns.Def generic = null;
        if (!unknown.isEmpty()) {
            if (unknown.size() > 1) {
                throw new InputException(file + ": unknown EC-Lab column ids " + unknown + "; with more than one unknown column their sizes"
                        + " cannot be inferred");
            }
            int id = unknown.get(0);
            EcLabColumns.Type t = EcLabColumns.Type.F32;
            if (points > 0) {
                long rest = available / points - known;
                if (available % points != 0 || !(rest == 1 || rest == 2 || rest == 4 || rest == 8)) {
                    throw new InputException(file + ": unknown EC-Lab column id " + id + " and its size cannot be inferred ("
                            + available + " bytes of rows for " + points + " points and " + known + " known bytes per row)");
                }
                t = switch ((int) rest) {
                    case 1 -> EcLabColumns.Type.U8;
                    case 2 -> EcLabColumns.Type.U16;
                    case 8 -> EcLabColumns.Type.F64;
                    default -> EcLabColumns.Type.F32;
                };
            }
            generic = new EcLabColumns.Def(id, EcLabColumns.unknownName(id), t, 0);
            notes.add("unknown EC-Lab column id " + id + " read as generic column '" + generic.name() + "' (" + t.name().toLowerCase(java.util.Locale.ROOT)
                    + ", size inferred from the row size)");
            known += t.bytes;
        }
        if (points * known > available) {
            throw new InputException(file + ": 'VMP data' holds " + available + " bytes of rows but " + points + " points of " + known
                    + " bytes need " + points * known + " (truncated file or unknown layout)");
        }
        List<EcLabColumns.Def> defs = new ArrayList<>();
        for (int id : ids) {
            EcLabColumns.Def d = EcLabColumns.get(id);
            defs.add(d != null ? d : generic);
        }
        boolean impedance = defs.stream().anyMatch(d -> d.id() == 32);
        Table.Builder t = Table.builder("eclab");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (EcLabColumns.Def d : defs) {
            String name = d.id() == 70 && impedance ? "Pwe/W" : d.name();
            if (!used.add(name)) {
                name = name + " (id " + d.id() + ")";
                used.add(name);
            }
            t.column(name, EcLabColumns.unitOf(name), d.type().kind(), "EC-Lab column id " + d.id());
        }
        int rowStart = c + offset;
        for (long r = 0; r < points; r++) {
            int p = (int) (rowStart + r * known);
            int flags = hasFlags ? b.get(p) & 0xff : 0;
            int q = p + (hasFlags ? 1 : 0);
            Object[] row = new Object[defs.size()];
            for (int i = 0; i < defs.size(); i++) {
                EcLabColumns.Def d = defs.get(i);
                row[i] = switch (d.type()) {
                    case FLAG -> d.mask() == 0x03 ? (long) (flags & 0x03) : (long) ((flags & d.mask()) != 0 ? 1 : 0);
                    case U8 -> (long) (b.get(q) & 0xff);
                    case U16 -> (long) Short.toUnsignedInt(b.getShort(q));
                    case U32 -> Integer.toUnsignedLong(b.getInt(q));
                    case F32 -> (double) b.getFloat(q);
                    case F64 -> b.getDouble(q);
                };
                q += d.type().bytes;
            }
            t.row(row);
        }
        return t.build();
    }
}
