package org.tomolyte.echem.eclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomolyte.core.Table;

/**
 * Every {@code .mpr} of {@code ../shared/data/eclab_yadg/} (EC-Lab files of the yadg project,
 * GPL, read in place and never copied) against EC-Lab's own {@code .mpt} export of the same run:
 * same row count, every column the reader gives is a column of the export under the same name,
 * and every value equals the printed one to the printed precision (half a unit of the last
 * printed digit, plus four ulps of the double, for stored columns; for columns recomputed from stored
 * ones, which EC-Lab computes in single precision, one unit of the last digit or 2e-6 relative to the value, or for the real and imaginary part of a complex quantity to its modulus).
 * One stored column is itself recomputed in single precision by EC-Lab's export and is compared
 * like a recomputed one: {@link #REDERIVED_BY_EXPORT}. The export columns the reader does not recompute are
 * listed per file and must all be EC-Lab bookkeeping columns of {@link #NOT_RECOMPUTED}.
 */
class EcLabPairTest {

    static final Path DIR = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "eclab_yadg");

    /** Export columns that scale with the cell constant (surface area / thickness, the thickness not found in the settings module): printed 0 in every export at hand, not recomputed. */
    static final Set<String> NOT_RECOMPUTED = Set.of(
            "Re(M)", "Im(M)", "|M|", "Re(Permittivity)", "Im(Permittivity)", "|Permittivity|",
            "Re(Resistivity)/Ohm.cm", "Im(Resistivity)/Ohm.cm", "|Resistivity|/Ohm.cm",
            "Re(Conductivity)/mS/cm", "Im(Conductivity)/mS/cm", "|Conductivity|/mS/cm");

    /** file:column pairs whose export EC-Lab recomputes in single precision from other columns (old version 3 files). */
    static final Set<String> REDERIVED_BY_EXPORT = Set.of("cp:Q charge/discharge/mA.h");

    static Stream<String> stems() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return Stream.of("(absent)");
        }
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mpr")).map(n -> n.substring(0, n.length() - 4)).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("stems")
    void mprEqualsItsMptExport(String stem) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "shared data absent: " + DIR);
        EchemData mpr = EchemFiles.read(DIR.resolve(stem + ".mpr"));
        EchemData mpt = EchemFiles.read(DIR.resolve(stem + ".mpt"));
        assertEquals(mpt.technique(), mpr.technique(), "technique");
        Table a = mpr.table();
        Table b = mpt.table();
        assertEquals(b.rowCount(), a.rowCount(), "rows");
        List<String[]> text = rawRows(DIR.resolve(stem + ".mpt"));
        Set<String> stored = Set.copyOf(storedNames(a));
        List<String> missing = new ArrayList<>();
        for (Table.Column bc : b.columns()) {
            if (!Tables.has(a, bc.name())) {
                missing.add(bc.name());
            }
        }
        for (Table.Column ac : a.columns()) {
            assertTrue(Tables.has(b, ac.name()), "column '" + ac.name() + "' is not in the export: " + Tables.names(b));
            int ia = a.columnIndex(ac.name());
            int ib = b.columnIndex(ac.name());
            boolean strict = stored.contains(ac.name()) && !REDERIVED_BY_EXPORT.contains(stem + ":" + ac.name());
            for (int r = 0; r < a.rowCount(); r++) {
                double x = ((Number) a.value(r, ia)).doubleValue();
                String tok = text.get(r)[ib];
                double y = Double.parseDouble(tok.replace(',', '.'));
                double tol = strict ? 0.5 * lastDigit(tok) + 4 * Math.ulp(Math.max(Math.abs(x), Math.abs(y)))
                        : Math.max(lastDigit(tok), 2e-6 * Math.max(Math.abs(y), modulus(b, ac.name(), r)));
                assertTrue(Math.abs(x - y) <= tol, stem + " row " + r + " column '" + ac.name() + "': mpr " + x + ", mpt " + tok);
            }
        }
        for (String m : missing) {
            assertTrue(NOT_RECOMPUTED.contains(m), stem + ": export column '" + m + "' is neither read nor a known EC-Lab bookkeeping column");
        }
        System.out.println(stem + ": " + a.rowCount() + " rows, " + a.columns().size() + " of " + b.columns().size()
                + " export columns equal; not recomputed: " + missing);
    }

    /** For Re(X)/Im(X) columns the export's |X| of the row (a complex quantity's precision is relative to its modulus), else 0. */
    private static double modulus(Table b, String name, int row) {
        if (name.startsWith("Re(") || name.startsWith("Im(")) {
            String mod = "|" + name.substring(3).replaceFirst("\\)", "|");
            if (Tables.has(b, mod)) {
                return Math.abs(b.number(row, mod));
            }
        }
        return 0;
    }

    /** Names of columns stored in the file (those carrying an EC-Lab column id). */
    private static List<String> storedNames(Table t) {
        return t.columns().stream().filter(c -> c.description().startsWith("EC-Lab column id")).map(Table.Column::name).toList();
    }

    /** Value of one unit of the last printed digit of {@code tok} (e.g. 3,4236820E+000 -> 1e-7; 14 -> 1). */
    static double lastDigit(String tok) {
        String t = tok.replace(',', '.');
        int e = t.indexOf('E');
        int exp = e >= 0 ? Integer.parseInt(t.substring(e + 1)) : 0;
        String mant = e >= 0 ? t.substring(0, e) : t;
        int dot = mant.indexOf('.');
        int decimals = dot < 0 ? 0 : mant.length() - dot - 1;
        return Math.pow(10, exp - decimals);
    }

    private static List<String[]> rawRows(Path mpt) throws IOException {
        List<String> lines = Files.readAllLines(mpt, StandardCharsets.ISO_8859_1);
        int n = Integer.parseInt(lines.get(1).substring(lines.get(1).indexOf(':') + 1).strip());
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(n, lines.size())) {
            if (!l.isBlank()) {
                out.add(l.split("\t"));
            }
        }
        return out;
    }
}
