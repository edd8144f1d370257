package org.tomolyte.echem.eis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: finds {@code ../shared/data} and reads plain numeric CSV files. */
final class SharedData {

    private SharedData() {
    }

    /** The shared data folder, or null when absent. */
    static Path dir() {
        String p = System.getProperty("tomolyte.shared.data");
        if (p == null) {
            return null;
        }
        Path d = Path.of(p);
        return Files.isDirectory(d) ? d : null;
    }

    /** Rows of numbers of a CSV file, skipping lines starting with '#'. */
    static double[][] readCsv(Path file) {
        try {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i].strip());
                }
                rows.add(row);
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column c of rows. */
    static double[] column(double[][] rows, int c) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][c];
        }
        return out;
    }
}
