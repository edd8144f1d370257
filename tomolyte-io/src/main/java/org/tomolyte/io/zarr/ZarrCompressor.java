package org.tomolyte.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.ParameterException;

/**
 * The chunk compressor of a Zarr v2 array: none, numcodecs {@code zlib} (a zlib stream, RFC 1950)
 * or numcodecs {@code gzip} (a gzip member, RFC 1952).
 *
 * @param codec the codec
 * @param level deflate level 0..9 (ignored for {@link Codec#NONE})
 */
public record ZarrCompressor(Codec codec, int level) {

    /** The supported codecs. */
    public enum Codec {
        /** {@code "compressor": null}: chunks stored as raw bytes. */
        NONE,
        /** {@code {"id": "zlib", "level": n}}. */
        ZLIB,
        /** {@code {"id": "gzip", "level": n}}. */
        GZIP
    }

    /** No compression. */
    public static final ZarrCompressor NONE = new ZarrCompressor(Codec.NONE, 0);

    /** Checks that the level is in 0..9. */
    public ZarrCompressor {
        if (level < 0 || level > 9) {
            throw new ParameterException("zarr compression level must be in 0..9, got " + level);
        }
    }

    /**
     * Parses the {@code compression} write option: {@code zlib} (default, level 1), {@code gzip}
     * (level 1) or {@code none}; null means zlib.
     *
     * @throws ParameterException for any other value
     */
    public static ZarrCompressor parseOption(String option) {
        String o = option == null ? "zlib" : option.trim().toLowerCase(Locale.ROOT);
        return switch (o) {
            case "zlib" -> new ZarrCompressor(Codec.ZLIB, 1);
            case "gzip" -> new ZarrCompressor(Codec.GZIP, 1);
            case "none" -> NONE;
            default -> throw new ParameterException("compression for Zarr must be zlib, gzip or none, got '" + option + "'");
        };
    }

    /**
     * Reads the {@code compressor} entry of a {@code .zarray}.
     *
     * @param where the {@code .zarray} file, for the message
     * @throws InputException for any compressor other than null, zlib or gzip
     */
    public static ZarrCompressor fromJson(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        String id = node.isObject() && node.get("id") != null ? node.get("id").asText() : null;
        if (id == null) {
            throw new InputException(where + ": compressor must be null or an object with an \"id\", found " + node);
        }
        Codec codec = switch (id) {
            case "zlib" -> Codec.ZLIB;
            case "gzip" -> Codec.GZIP;
            default -> throw new InputException(where + ": chunks are compressed with '" + id
                    + "', which Tomolyte cannot decode; re-save the array with compressor zlib or gzip (numcodecs.Zlib() or numcodecs.GZip())");
        };
        JsonNode lv = node.get("level");
        int level = lv == null || lv.isNull() ? 1 : lv.asInt(-1);
        if (level < 0 || level > 9) {
            throw new InputException(where + ": compressor level must be 0..9, found " + lv);
        }
        return new ZarrCompressor(codec, level);
    }

    /** The {@code .zarray} entry: null, or {@code {"id": ..., "level": n}}. */
    public Map<String, Object> toJson() {
        if (codec == Codec.NONE) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", codec.name().toLowerCase(Locale.ROOT));
        m.put("level", level);
        return m;
    }

    /** Compresses one chunk (deterministically: the gzip header carries no time stamp). */
    public byte[] compress(byte[] raw) {
        return switch (codec) {
            case NONE -> raw;
            case ZLIB -> {
                Deflater d = new Deflater(level);
                try {
                    d.setInput(raw);
                    d.finish();
                    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                    byte[] buf = new byte[64 << 10];
                    while (!d.finished()) {
                        out.write(buf, 0, d.deflate(buf));
                    }
                    yield out.toByteArray();
                } finally {
                    d.end();
                }
            }
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                try (GZIPOutputStream gz = new LeveledGzip(out, level)) {
                    gz.write(raw);
                } catch (IOException e) {
                    throw new InternalException("gzip compression failed: " + e.getMessage(), e);
                }
                yield out.toByteArray();
            }
        };
    }

    /**
     * Decompresses one chunk, which must decode to exactly {@code expected} bytes.
     *
     * @param where the chunk file, for the message
     * @throws InputException for corrupt data or a wrong decoded size
     */
    public byte[] decompress(byte[] stored, int expected, String where) {
        byte[] out = switch (codec) {
            case NONE -> stored;
            case ZLIB -> inflate(stored, expected, where);
            case GZIP -> gunzip(stored, expected, where);
        };
        if (out.length != expected) {
            throw new InputException(where + ": chunk decodes to " + out.length + " bytes, expected " + expected
                    + " (" + codec.name().toLowerCase(Locale.ROOT) + ")");
        }
        return out;
    }

    private static byte[] inflate(byte[] stored, int expected, String where) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(stored);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected && !inf.finished()) {
                int k = inf.inflate(out, n, expected - n);
                if (k == 0) {
                    break;
                }
                n += k;
            }
            if (n < expected) {
                throw new InputException(where + ": zlib chunk is truncated; decodes to " + n + " bytes, expected " + expected);
            }
            if (!inf.finished()) {
                byte[] extra = new byte[1];
                if (inf.inflate(extra) > 0) {
                    throw new InputException(where + ": zlib chunk decodes to more than the expected " + expected + " bytes");
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw new InputException(where + ": corrupt zlib chunk (" + e.getMessage() + ")", e);
        } finally {
            inf.end();
        }
    }

    private static byte[] gunzip(byte[] stored, int expected, String where) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            byte[] out = in.readNBytes(expected);
            if (out.length == expected && in.read() != -1) {
                throw new InputException(where + ": gzip chunk decodes to more than the expected " + expected + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new InputException(where + ": corrupt gzip chunk (" + e.getMessage() + ")", e);
        }
    }

    /** A gzip stream with a chosen deflate level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 64 << 10);
            def.setLevel(level);
        }
    }
}
