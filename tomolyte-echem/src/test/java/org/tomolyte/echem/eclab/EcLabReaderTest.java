package org.tomolyte.echem.eclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Table;

/** Readers on generated files: unknown .mpr column ids, truncation, decimal-comma .mpt, CSV with a column mapping. */
class EcLabReaderTest {

    @TempDir
    Path dir;

    /** Writes an old-layout (version 3) .mpr with the given column ids and raw row bytes. */
    private Path mpr(String name, int technique, int[] ids, int points, byte[] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = new byte[52];
        Arrays.fill(head, (byte) ' ');
        byte[] magic = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(magic, 0, head, 0, magic.length);
        Arrays.fill(head, 48, 52, (byte) 0);
        out.write(head);
        module(out, "VMP Set", "VMP settings", 0, new byte[] {(byte) technique, 0, 0, 0});
        ByteBuffer data = ByteBuffer.allocate(0x196 + rows.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(points).put((byte) ids.length);
        for (int id : ids) {
            data.putShort((short) id);
        }
        data.position(0x196);
        data.put(rows);
        module(out, "VMP data", "VMP data", 3, data.array());
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static void module(ByteArrayOutputStream out, String shortName, String longName, int version, byte[] content) throws IOException {
        out.write("MODULE".getBytes(StandardCharsets.US_ASCII));
        out.write(padded(shortName, 10));
        out.write(padded(longName, 25));
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(content.length).putInt(version).put("01/01/26".getBytes(StandardCharsets.US_ASCII));
        out.write(b.array());
        out.write(content);
    }

    private static byte[] padded(String s, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    private static byte[] rows(int points, boolean withUnknown) {
        ByteBuffer b = ByteBuffer.allocate(points * (1 + 8 + 4 + (withUnknown ? 4 : 0))).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < points; i++) {
            b.put((byte) (i % 2 == 0 ? 0x06 : 0x01)).putDouble(10.0 * i).putFloat(3.5f + 0.25f * i);
            if (withUnknown) {
                b.putFloat(-1.5f * i);
            }
        }
        return b.array();
    }

    @Test
    void unknownColumnWithInferableSizeIsReadAsGeneric() throws IOException {
        Path f = mpr("one.mpr", 11, new int[] {1, 2, 4, 6, 9999}, 3, rows(3, true));
        EchemData d = EchemFiles.read(f);
        Table t = d.table();
        assertEquals("Open Circuit Voltage", d.technique());
        assertEquals(List.of("mode", "ox/red", "time/s", "Ewe/V", "column 9999"), Tables.names(t));
        assertEquals(3, t.rowCount());
        assertEquals(2L, t.value(0, 0));
        assertEquals(1L, t.value(0, 1));
        assertEquals(1L, t.value(1, 0));
        assertEquals(0L, t.value(1, 1));
        assertEquals(20.0, t.number(2, "time/s"));
        assertEquals(4.0, t.number(2, "Ewe/V"));
        assertEquals(-3.0, t.number(2, "column 9999"));
        assertEquals("V", t.columns().get(3).unit());
        assertTrue(d.notes().get(0).contains("9999"), d.notes().toString());
    }

    @Test
    void twoUnknownColumnsStopWithTheirIds() throws IOException {
        Path f = mpr("two.mpr", 11, new int[] {1, 4, 6, 9998, 9999}, 2, new byte[2 * 21]);
        InputException e = assertThrows(InputException.class, () -> EchemFiles.read(f));
        assertTrue(e.getMessage().contains("[9998, 9999]"), e.getMessage());
    }

    @Test
    void truncatedFileIsAnInputError() throws IOException {
        Path f = mpr("cut.mpr", 11, new int[] {1, 2, 4, 6}, 3, rows(3, false));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 10));
        InputException e = assertThrows(InputException.class, () -> EchemFiles.read(f));
        assertTrue(e.getMessage().contains("cut.mpr"), e.getMessage());
        Path notMpr = dir.resolve("x.mpr");
        Files.writeString(notMpr, "hello");
        assertThrows(InputException.class, () -> EchemFiles.read(notMpr));
    }

    @Test
    void mptWithDecimalCommaAndLatin1() throws IOException {
        String text = "EC-Lab ASCII FILE\r\nNb header lines : 6   \r\n\r\nGalvanostatic Cycling with Potential Limitation\r\n"
                + "Mass of active material : 1,5 mg\r\n"
                + "mode\ttime/s\tEwe/V\t<I>/mA\tcycle number\tCapacitance charge/\u00b5F\thalf cycle\t\r\n"
                + "1\t1,5E+000\t3,7000000E+000\t5,0E-001\t1,000000000000000E+000\t0,0\t0\t\r\n"
                + "1\t2,5E+000\t3,7100000E+000\t-5,0E-001\t2,000000000000000E+000\t1,0\t1\t\r\n";
        Path f = dir.resolve("comma.mpt");
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        EchemData d = EchemFiles.read(f);
        assertEquals("Galvanostatic Cycling with Potential Limitation", d.technique());
        assertEquals("1,5 mg", d.info().get("Mass of active material"));
        Table t = d.table();
        assertEquals(2, t.rowCount());
        assertEquals(3.71, t.number(1, "Ewe/V"));
        assertEquals(-0.5, t.number(1, "<I>/mA"));
        assertEquals("\u00b5F", t.columns().get(t.columnIndex("Capacitance charge/\u00b5F")).unit());
        assertEquals(Table.Kind.INTEGER, t.columns().get(t.columnIndex("half cycle")).kind());
        assertEquals(2, d.cycles());
        Table c = Canonical.view(t, "echem");
        assertEquals(List.of("time_s", "Ewe_V", "I_mA", "cycle", "half_cycle"), Tables.names(c));
        assertEquals(2L, c.value(1, c.columnIndex("cycle")));
    }

    @Test
    void csvWithColumnMapping() throws IOException {
        Path f = dir.resolve("cycler.csv");
        Files.writeString(f, "Time (h);Voltage;Current (A);Step\n0;3,5;0,001;1\n0,5;3,6;0,001;1\n");
        EchemData d = EchemFiles.readCsv(f, CsvMapping.parse("time_s=Time (h)*3600,Ewe_V=Voltage,I_mA=Current (A)*1000,cycle=Step"));
        Table t = d.table();
        assertEquals(List.of("time_s", "Ewe_V", "I_mA", "cycle"), Tables.names(t));
        assertEquals(1800.0, t.number(1, "time_s"), 1e-12);
        assertEquals(1.0, t.number(1, "I_mA"), 1e-12);
        assertEquals("mA", t.columns().get(2).unit());
        InputException e = assertThrows(InputException.class, () -> EchemFiles.readCsv(f, CsvMapping.of(Map.of("time_s", "Zeit"))));
        assertTrue(e.getMessage().contains("Zeit"));
    }
}
