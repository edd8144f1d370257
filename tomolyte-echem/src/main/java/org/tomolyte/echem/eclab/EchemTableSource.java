package org.tomolyte.echem.eclab;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tomolyte.core.Table;
import org.tomolyte.io.TableSource;

/**
 * Makes {@code .mpr}, {@code .mpt}, {@code .csv}, {@code .tsv} and {@code .txt} files protocol inputs:
 * they become tables with the file's own column names (EC-Lab names for EC-Lab files, see
 * {@link EchemFiles#read}). Ops turn them into the canonical view themselves.
 */
public final class EchemTableSource implements TableSource {

    @Override
    public String name() {
        return "echem";
    }

    @Override
    public boolean canRead(Path path) {
        return EchemFiles.accepts(path) && !Files.isDirectory(path);
    }

    @Override
    public Table read(Path path) {
        return EchemFiles.read(path).table();
    }
}
