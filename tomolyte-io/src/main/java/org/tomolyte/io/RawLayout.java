package org.tomolyte.io;

import java.nio.ByteOrder;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

/**
 * Layout of a headerless raw file: voxels x fastest, then y, then z.
 *
 * @param dims        size in voxels
 * @param type        voxel type
 * @param order       byte order of multi-byte types
 * @param offsetBytes header bytes to skip, &gt;= 0
 */
public record RawLayout(Dims dims, DataType type, ByteOrder order, long offsetBytes) {

    public RawLayout {
        if (offsetBytes < 0) {
            throw new ParameterException("raw-offset must be >= 0 bytes, got " + offsetBytes);
        }
    }

    /** Parses {@code little|big} (the CLI's {@code --raw-order}). */
    public static ByteOrder parseOrder(String text) {
        if ("little".equalsIgnoreCase(text)) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if ("big".equalsIgnoreCase(text)) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new ParameterException("raw-order must be little or big, got '" + text + "'");
    }
}
