package org.tomolyte.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.io.npy.NumpyDtype;

/**
 * The metadata of a Zarr v2 array ({@code .zarray}), in Tomolyte's x, y, z terms. A 2D array of
 * shape (y, x) has {@code rank} 2 and nz = 1.
 *
 * @param rank       2 or 3: the number of axes in the file
 * @param shape      array size in voxels (x = last zarr axis)
 * @param chunks     chunk size in voxels (edge chunks are stored full size)
 * @param dtype      the stored item type
 * @param compressor the chunk compressor
 * @param fillValue  the value of voxels in chunks that have no file (NaN allowed for floats)
 * @param separator  the chunk key separator, {@code .} or {@code /}
 */
public record ZarrMeta(int rank, Dims shape, Dims chunks, NumpyDtype dtype, ZarrCompressor compressor, double fillValue, String separator) {

    /** Checks the rank (2 or 3, nz = 1 for rank 2), the separator and that a chunk is below 2 GiB. */
    public ZarrMeta {
        if (rank != 2 && rank != 3) {
            throw new ParameterException("zarr rank must be 2 or 3, got " + rank);
        }
        if (rank == 2 && (shape.nz() != 1 || chunks.nz() != 1)) {
            throw new ParameterException("a 2D zarr array has nz = 1 and chunk nz = 1, got shape " + shape + " chunks " + chunks);
        }
        if (!".".equals(separator) && !"/".equals(separator)) {
            throw new ParameterException("zarr dimension_separator must be '.' or '/', got '" + separator + "'");
        }
        long chunkBytes = chunks.voxels() * dtype.bytes();
        if (chunkBytes > Integer.MAX_VALUE - 64) {
            throw new ParameterException("zarr chunk " + chunks + " of " + dtype.descr() + " holds " + chunkBytes
                    + " bytes; chunks must be below 2 GiB");
        }
    }

    /**
     * The metadata Tomolyte writes for a volume: rank 3, the little-endian dtype of {@code type},
     * chunk edge {@code chunkEdge} on each axis clipped to the shape, fill value 0, separator {@code .}.
     *
     * @throws ParameterException when {@code chunkEdge < 1}
     */
    public static ZarrMeta forVolume(Dims shape, DataType type, int chunkEdge, ZarrCompressor compressor) {
        if (chunkEdge < 1) {
            throw new ParameterException("zarr chunk edge must be >= 1 voxel, got " + chunkEdge);
        }
        Dims chunks = new Dims(Math.min(chunkEdge, shape.nx()), Math.min(chunkEdge, shape.ny()), Math.min(chunkEdge, shape.nz()));
        return new ZarrMeta(3, shape, chunks, NumpyDtype.of(type), compressor, 0, ".");
    }

    /** Bytes of one stored (full-size) chunk. */
    public int chunkBytes() {
        return (int) (chunks.voxels() * dtype.bytes());
    }

    /**
     * Parses a {@code .zarray} document.
     *
     * @param where the {@code .zarray} file, for messages
     * @throws InputException for a missing or malformed field or an unsupported feature
     */
    public static ZarrMeta fromJson(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new InputException(where + ": expected a JSON object");
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("zarr_format", "shape", "chunks", "dtype", "compressor", "fill_value", "order", "filters")) {
            if (!root.has(key)) {
                missing.add("'" + key + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(where + ": missing required field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (Zarr v2 spec: zarr_format, shape, chunks, dtype, compressor, fill_value, order, filters)");
        }
        if (root.get("zarr_format").asInt(-1) != 2) {
            throw new InputException(where + ": expected zarr_format 2, found " + root.get("zarr_format"));
        }
        long[] shape = ints(root.get("shape"), "shape", where);
        long[] chunks = ints(root.get("chunks"), "chunks", where);
        if (shape.length != 2 && shape.length != 3) {
            throw new InputException(where + ": expected a shape of 3 (z, y, x) or 2 (y, x) axes, found " + root.get("shape"));
        }
        if (chunks.length != shape.length) {
            throw new InputException(where + ": chunks " + root.get("chunks") + " must have as many axes as shape " + root.get("shape"));
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1 || shape[i] > Integer.MAX_VALUE || chunks[i] < 1 || chunks[i] > Integer.MAX_VALUE) {
                throw new InputException(where + ": expected shape and chunk sizes in 1.." + Integer.MAX_VALUE + ", found shape "
                        + root.get("shape") + " chunks " + root.get("chunks"));
            }
        }
        JsonNode dt = root.get("dtype");
        if (!dt.isTextual()) {
            throw new InputException(where + ": structured dtype " + dt + " is not supported; expected a scalar dtype such as \"<f4\"");
        }
        NumpyDtype dtype = NumpyDtype.parse(dt.asText(), where);
        ZarrCompressor compressor = ZarrCompressor.fromJson(root.get("compressor"), where);
        String order = root.get("order").asText();
        if (!"C".equals(order)) {
            throw new InputException(where + ": array order is '" + order + "'; only C order is supported (re-save with order='C')");
        }
        JsonNode filters = root.get("filters");
        if (!filters.isNull() && !(filters.isArray() && filters.isEmpty())) {
            throw new InputException(where + ": filters " + filters + " are not supported; re-save the array with filters=None");
        }
        JsonNode sep = root.get("dimension_separator");
        String separator = sep == null || sep.isNull() ? "." : sep.asText();
        if (!".".equals(separator) && !"/".equals(separator)) {
            throw new InputException(where + ": dimension_separator must be \".\" or \"/\", found " + sep);
        }
        double fill = fill(root.get("fill_value"), where);
        int r = shape.length;
        Dims s = r == 3 ? new Dims((int) shape[2], (int) shape[1], (int) shape[0]) : new Dims((int) shape[1], (int) shape[0], 1);
        Dims c = r == 3 ? new Dims((int) chunks[2], (int) chunks[1], (int) chunks[0]) : new Dims((int) chunks[1], (int) chunks[0], 1);
        if (c.voxels() * dtype.bytes() > Integer.MAX_VALUE - 64) {
            throw new InputException(where + ": chunks " + root.get("chunks") + " hold more than 2 GiB each; re-chunk the array smaller");
        }
        return new ZarrMeta(r, s, c, dtype, compressor, fill, separator);
    }

    private static long[] ints(JsonNode n, String name, String where) {
        if (!n.isArray()) {
            throw new InputException(where + ": '" + name + "' must be a list of integers, found " + n);
        }
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).canConvertToLong() || !n.get(i).isIntegralNumber()) {
                throw new InputException(where + ": '" + name + "' must be a list of integers, found " + n);
            }
            out[i] = n.get(i).asLong();
        }
        return out;
    }

    private static double fill(JsonNode n, String where) {
        if (n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? 1 : 0;
        }
        return switch (n.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new InputException(where + ": fill_value must be a number, \"NaN\", \"Infinity\", \"-Infinity\" or null, found " + n);
        };
    }

    /** The {@code .zarray} document as an ordered map (keys sorted as zarr-python writes them). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunks", axes(chunks));
        m.put("compressor", compressor.toJson());
        m.put("dimension_separator", separator);
        m.put("dtype", dtype.descr());
        Object fill;
        if (Double.isNaN(fillValue)) {
            fill = "NaN";
        } else if (Double.isInfinite(fillValue)) {
            fill = fillValue > 0 ? "Infinity" : "-Infinity";
        } else if (dtype.kind() == NumpyDtype.Kind.FLOAT) {
            fill = fillValue;
        } else {
            fill = (long) fillValue;
        }
        m.put("fill_value", fill);
        m.put("filters", null);
        m.put("order", "C");
        m.put("shape", axes(shape));
        m.put("zarr_format", 2);
        return m;
    }

    private List<Integer> axes(Dims d) {
        List<Integer> l = new ArrayList<>();
        if (rank == 3) {
            l.add(d.nz());
        }
        l.add(d.ny());
        l.add(d.nx());
        return l;
    }
}
