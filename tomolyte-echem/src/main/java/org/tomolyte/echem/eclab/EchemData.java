package org.tomolyte.echem.eclab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.Table;

/**
 * An electrochemistry record read from a file.
 *
 * @param file      the file read
 * @param format    {@code mpr}, {@code mpt} or {@code csv}
 * @param technique technique as EC-Lab names it ({@code Galvanostatic Cycling with Potential Limitation},
 *                  {@code Potentio Electrochemical Impedance Spectroscopy}, ...), or {@code unknown}
 * @param table     the data, one column per instrument column, named as EC-Lab names it ({@code time/s},
 *                  {@code Ewe/V}, {@code <I>/mA}); each column's unit is set ({@code s}, {@code V}, {@code mA})
 * @param info      header facts in file order (e.g. {@code Nb header lines}, {@code data module version},
 *                  {@code loop starts})
 * @param notes     remarks a user should see, e.g. unknown column ids read as generic columns
 */
public record EchemData(Path file, String format, String technique, Table table, Map<String, String> info, List<String> notes) {

    public EchemData {
        info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
        notes = List.copyOf(notes);
    }

    /** Number of distinct values of {@code cycle number} (or of the canonical cycle), 0 when there is no cycle information. */
    public int cycles() {
        for (String c : List.of("cycle number", "cycle")) {
            if (table.columns().stream().anyMatch(col -> col.name().equals(c))) {
                return (int) java.util.stream.IntStream.range(0, table.rowCount()).mapToDouble(r -> table.number(r, c)).distinct().count();
            }
        }
        return 0;
    }
}
