package org.tomolyte.core.op;

import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Spacing;

/**
 * What an input or output will hold, known before computing: used by preflight so that a
 * protocol with a wrong type, size or parameter fails in milliseconds.
 */
public sealed interface DataSpec permits DataSpec.VolumeSpec, DataSpec.TableSpec {

    /**
     * A volume of known size, type and voxel size.
     *
     * @param dims    size in voxels
     * @param type    voxel type
     * @param spacing voxel size in um
     */
    record VolumeSpec(Dims dims, DataType type, Spacing spacing) implements DataSpec {
    }

    /**
     * A table.
     *
     * @param name table name (CSV file stem)
     */
    record TableSpec(String name) implements DataSpec {
    }
}
