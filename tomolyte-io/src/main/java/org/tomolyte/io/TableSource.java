package org.tomolyte.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.tomolyte.core.Table;

/**
 * A file format read as a {@link Table} (e.g. an electrochemistry record), so that protocols can
 * name such files as inputs. Implementations live in the modules that know the format and are
 * found with {@link ServiceLoader} (listed in {@code META-INF/services/org.tomolyte.io.TableSource}),
 * so that the pipeline does not depend on them. Readers fail with an
 * {@link org.tomolyte.core.InputException} naming the file.
 */
public interface TableSource {

    /** Short name, e.g. {@code echem}. */
    String name();

    /** True when this source reads {@code path} (by extension). */
    boolean canRead(Path path);

    /** Reads the file. */
    Table read(Path path);

    /** Every registered source, in class-path order. */
    static List<TableSource> all() {
        return ServiceLoader.load(TableSource.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The first registered source that reads {@code path}, if any. */
    static Optional<TableSource> find(Path path) {
        return all().stream().filter(s -> s.canRead(path)).findFirst();
    }
}
