package org.tomolyte.io.zarr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomolyte.core.BlockGrid;
import org.tomolyte.core.Box;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;

/**
 * A Zarr v2 array in a directory store, read and written chunk by chunk so that volumes larger
 * than memory can be streamed (see the package documentation for the supported subset).
 *
 * <p>Chunks are numbered like the blocks of {@link #grid()} (x fastest, then y, then z); chunk
 * {@code i} covers {@code grid().box(i)}, clipped to the array. Its file is named by its chunk
 * coordinates, slowest first, joined by the dimension separator ({@code 2.0.1} or {@code 2/0/1};
 * {@code 0.1} for 2D arrays). A chunk without a file reads as the fill value.
 *
 * <p>Reads may run concurrently with each other. Writes of different chunks may run
 * concurrently; two concurrent {@link #writeBox} calls must not touch the same chunk.
 *
 * {@snippet :
 * ZarrArray a = ZarrArray.create(dir, ZarrMeta.forVolume(dims, DataType.U16, 64, ZarrCompressor.parseOption("zlib")), spacing);
 * a.writeBox(new Box(0, 0, 0, nx, ny, 64), firstSlab, Progress.NONE);
 * Volume roi = ZarrArray.open(dir).readBox(new Box(10, 10, 10, 50, 50, 50), Progress.NONE);
 * }
 */
public final class ZarrArray {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final ZarrMeta meta;
    private final Spacing spacing;
    private final boolean spacingKnown;
    private final BlockGrid grid;

    private ZarrArray(Path dir, ZarrMeta meta, Spacing spacing, boolean spacingKnown) {
        this.dir = dir;
        this.meta = meta;
        this.spacing = spacing;
        this.spacingKnown = spacingKnown;
        this.grid = new BlockGrid(meta.shape(), meta.chunks());
    }

    /**
     * Opens the array stored in directory {@code dir}: parses {@code .zarray} and, when present,
     * the voxel size {@code spacing_um: [x, y, z]} of {@code .zattrs}.
     *
     * @throws InputException when {@code .zarray} is missing, malformed or uses an unsupported feature
     */
    public static ZarrArray open(Path dir) {
        Path zarray = dir.resolve(".zarray");
        JsonNode root = readJson(zarray, dir + ": not a Zarr v2 array (no .zarray file)");
        ZarrMeta meta = ZarrMeta.fromJson(root, zarray.toString());
        Path zattrs = dir.resolve(".zattrs");
        Spacing spacing = Spacing.UNIT;
        boolean known = false;
        if (Files.isRegularFile(zattrs)) {
            JsonNode attrs = readJson(zattrs, zattrs + ": cannot read");
            JsonNode s = attrs.get("spacing_um");
            if (s != null) {
                if (!s.isArray() || s.size() != 3 || !s.get(0).isNumber() || !s.get(1).isNumber() || !s.get(2).isNumber()
                        || !(s.get(0).asDouble() > 0 && s.get(1).asDouble() > 0 && s.get(2).asDouble() > 0)) {
                    throw new InputException(zattrs + ": spacing_um must be [x, y, z], three numbers of micrometres > 0, found " + s);
                }
                spacing = new Spacing(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble());
                known = true;
            }
        }
        return new ZarrArray(dir, meta, spacing, known);
    }

    private static JsonNode readJson(Path file, String missing) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputException(missing, e);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Creates a new empty array in {@code dir} (created if needed): writes {@code .zarray} and a
     * {@code .zattrs} with {@code spacing_um: [x, y, z]} and {@code axes: ["z", "y", "x"]}
     * ({@code ["y", "x"]} for rank 2). All chunks read as the fill value until written.
     *
     * @throws ParameterException when {@code dir} already holds a {@code .zarray}
     */
    public static ZarrArray create(Path dir, ZarrMeta meta, Spacing spacing) {
        return create(dir, meta, spacing, true);
    }

    /**
     * Creates a new empty array without a voxel size: {@code .zattrs} holds only the axes and
     * {@link #spacing()} is 1 um, {@link #spacingKnown()} false.
     *
     * @throws ParameterException when {@code dir} already holds a {@code .zarray}
     */
    public static ZarrArray create(Path dir, ZarrMeta meta) {
        return create(dir, meta, Spacing.UNIT, false);
    }

    private static ZarrArray create(Path dir, ZarrMeta meta, Spacing spacing, boolean withSpacing) {
        Path zarray = dir.resolve(".zarray");
        if (Files.exists(zarray)) {
            throw new ParameterException(dir + ": a Zarr array already exists there; choose a new output path");
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (withSpacing) {
            attrs.put("spacing_um", List.of(spacing.x(), spacing.y(), spacing.z()));
        }
        attrs.put("axes", meta.rank() == 3 ? List.of("z", "y", "x") : List.of("y", "x"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(".zattrs"), JSON.writeValueAsString(attrs) + "\n", StandardCharsets.UTF_8);
            Files.writeString(zarray, JSON.writeValueAsString(meta.toJson()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InternalException(dir + ": cannot create Zarr array (" + e.getMessage() + ")", e);
        }
        return new ZarrArray(dir, meta, spacing, withSpacing);
    }

    /** The array directory. */
    public Path path() {
        return dir;
    }

    /** The array metadata. */
    public ZarrMeta meta() {
        return meta;
    }

    /** Voxel size in um from {@code .zattrs}, or 1 um when absent. */
    public Spacing spacing() {
        return spacing;
    }

    /** True when {@code .zattrs} stated {@code spacing_um}. */
    public boolean spacingKnown() {
        return spacingKnown;
    }

    /** The chunk grid: block {@code i} is chunk {@code i}, clipped to the array. */
    public BlockGrid grid() {
        return grid;
    }

    /** The key (file name relative to the array directory) of chunk {@code index}, e.g. {@code 1.0.2}. */
    public String chunkKey(int index) {
        Box b = grid.box(index);
        Dims c = meta.chunks();
        String s = meta.separator();
        String yx = (b.y0() / c.ny()) + s + (b.x0() / c.nx());
        return meta.rank() == 3 ? (b.z0() / c.nz()) + s + yx : yx;
    }

    private Path chunkFile(int index) {
        return dir.resolve(chunkKey(index));
    }

    /**
     * The decoded bytes of chunk {@code index} (a full-size chunk in the array's dtype), or null
     * when it has no file.
     *
     * @throws InputException when the chunk file is corrupt or has the wrong size
     */
    private byte[] loadChunk(int index) {
        Path f = chunkFile(index);
        byte[] stored;
        try {
            stored = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InputException(f + ": cannot read chunk (" + e.getMessage() + ")", e);
        }
        return meta.compressor().decompress(stored, meta.chunkBytes(), f.toString());
    }

    /** Reads chunk {@code index} as a volume of size {@code grid().box(index).dims()}; fill value when absent. */
    public Volume readChunk(int index) {
        return readBox(grid.box(index), Progress.NONE);
    }

    /**
     * Writes chunk {@code index} from {@code chunk}, which must be of size
     * {@code grid().box(index).dims()}; an edge chunk is padded to full size with the fill value.
     */
    public void writeChunk(int index, Volume chunk) {
        Box b = grid.box(index);
        if (!chunk.dims().equals(b.dims())) {
            throw new ParameterException("chunk " + chunkKey(index) + " covers " + b.dims() + " voxels, got a " + chunk.dims() + " volume");
        }
        writeBox(b, chunk, Progress.NONE);
    }

    /** Indices of the chunks that intersect {@code box}, ascending. */
    public int[] chunksIn(Box box) {
        requireInside(box);
        Dims c = meta.chunks();
        List<Integer> list = new ArrayList<>();
        for (int cz = box.z0() / c.nz(); cz <= (box.z1() - 1) / c.nz(); cz++) {
            for (int cy = box.y0() / c.ny(); cy <= (box.y1() - 1) / c.ny(); cy++) {
                for (int cx = box.x0() / c.nx(); cx <= (box.x1() - 1) / c.nx(); cx++) {
                    list.add((cz * grid.countY() + cy) * grid.countX() + cx);
                }
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private void requireInside(Box box) {
        if (!box.fitsIn(meta.shape())) {
            throw new ParameterException("box " + box + " does not fit in the " + meta.shape() + " zarr array " + dir + " (end indices are exclusive)");
        }
    }

    /** As {@link #readBox(Box, Progress)} without progress reporting. */
    public Volume readBox(Box box) {
        return readBox(box, Progress.NONE);
    }

    /** As {@link #writeBox(Box, Volume, Progress)} without progress reporting. */
    public void writeBox(Box box, Volume src) {
        writeBox(box, src, Progress.NONE);
    }

    /**
     * Reads the voxels of {@code box} into a new volume of the type given by the dtype (see
     * {@link org.tomolyte.io.npy.NumpyDtype#target()}), decoding the chunks it touches in parallel
     * (one task per chunk, {@link Parallel}); progress advances one per chunk.
     *
     * @throws InputException when a chunk is corrupt
     */
    public Volume readBox(Box box, Progress progress) {
        int[] chunks = chunksIn(box);
        Volume out = Volume.allocate(box.dims(), meta.dtype().target(), spacing);
        try {
            Parallel.forEach(chunks.length, k -> readInto(chunks[k], box, out), progress);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void readInto(int index, Box box, Volume out) {
        Box cb = grid.box(index);
        Box in = intersect(cb, box);
        byte[] bytes = loadChunk(index);
        Dims od = out.dims();
        int run = in.x1() - in.x0();
        if (bytes == null) {
            for (int z = in.z0(); z < in.z1(); z++) {
                for (int y = in.y0(); y < in.y1(); y++) {
                    long o = od.index(in.x0() - box.x0(), y - box.y0(), z - box.z0());
                    for (int k = 0; k < run; k++) {
                        out.set(o + k, meta.fillValue());
                    }
                }
            }
            return;
        }
        MemorySegment src = MemorySegment.ofArray(bytes);
        Dims c = meta.chunks();
        int b = meta.dtype().bytes();
        String where = chunkFile(index).toString();
        for (int z = in.z0(); z < in.z1(); z++) {
            for (int y = in.y0(); y < in.y1(); y++) {
                long s = (((long) (z - cb.z0()) * c.ny() + (y - cb.y0())) * c.nx() + (in.x0() - cb.x0())) * b;
                meta.dtype().decode(src, s, out, od.index(in.x0() - box.x0(), y - box.y0(), z - box.z0()), run, where);
            }
        }
    }

    /**
     * Writes {@code src} (of size {@code box.dims()}) into the voxels of {@code box}, encoding
     * and compressing the chunks it touches in parallel (one task per chunk); chunks only partly
     * covered are read, updated and rewritten. Output bytes do not depend on the thread count.
     * Values are stored as the array's dtype (integers rounded and clamped when the types differ).
     */
    public void writeBox(Box box, Volume src, Progress progress) {
        if (!src.dims().equals(box.dims())) {
            throw new ParameterException("writeBox: box " + box + " covers " + box.dims() + " voxels, the volume is " + src.dims());
        }
        int[] chunks = chunksIn(box);
        Parallel.forEach(chunks.length, k -> writeFrom(chunks[k], box, src), progress);
    }

    private void writeFrom(int index, Box box, Volume src) {
        Box cb = grid.box(index);
        Box in = intersect(cb, box);
        byte[] bytes = in.equals(cb) ? null : loadChunk(index);
        if (bytes == null) {
            bytes = filledChunk();
        }
        MemorySegment dst = MemorySegment.ofArray(bytes);
        Dims c = meta.chunks();
        int b = meta.dtype().bytes();
        int run = in.x1() - in.x0();
        Dims sd = src.dims();
        for (int z = in.z0(); z < in.z1(); z++) {
            for (int y = in.y0(); y < in.y1(); y++) {
                long d = (((long) (z - cb.z0()) * c.ny() + (y - cb.y0())) * c.nx() + (in.x0() - cb.x0())) * b;
                meta.dtype().encode(src, sd.index(in.x0() - box.x0(), y - box.y0(), z - box.z0()), dst, d, run);
            }
        }
        Path f = chunkFile(index);
        try {
            if (f.getParent() != null && !f.getParent().equals(dir)) {
                Files.createDirectories(f.getParent());
            }
            Files.write(f, meta.compressor().compress(bytes));
        } catch (IOException e) {
            throw new InternalException(f + ": cannot write chunk (" + e.getMessage() + ")", e);
        }
    }

    private byte[] filledChunk() {
        byte[] bytes = new byte[meta.chunkBytes()];
        double fill = meta.fillValue();
        if (fill != 0 || Double.doubleToRawLongBits(fill) != 0) {
            MemorySegment seg = MemorySegment.ofArray(bytes);
            int b = meta.dtype().bytes();
            for (long off = 0; off < bytes.length; off += b) {
                meta.dtype().put(seg, off, fill);
            }
        }
        return bytes;
    }

    private static Box intersect(Box a, Box b) {
        return new Box(Math.max(a.x0(), b.x0()), Math.max(a.y0(), b.y0()), Math.max(a.z0(), b.z0()),
                Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()), Math.min(a.z1(), b.z1()));
    }
}
