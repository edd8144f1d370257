package org.tomolyte.io.tiff;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomolyte.core.InputException;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Volume;

/**
 * The structure of one TIFF or BigTIFF file (TIFF 6.0; BigTIFF as specified by Aware Systems):
 * byte order, format and its validated pages, read from the image file directories only. Pixel
 * data is read page by page with positional reads on a {@link FileChannel}
 * ({@link #decode}); the file is never loaded whole.
 *
 * @param path    the file
 * @param order   byte order (II little-endian, MM big-endian)
 * @param bigTiff true for BigTIFF (version 43), false for classic TIFF (version 42)
 * @param size    file size in bytes
 * @param pages   full-resolution pages in file order (reduced-resolution pages are left out)
 */
record TiffFile(Path path, ByteOrder order, boolean bigTiff, long size, List<TiffPage> pages) {

    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    /** A raw directory entry: field type, value count, and the 4- or 8-byte value field. */
    private record Entry(int type, long count, byte[] field) {
    }

    /**
     * Reads the header and every image file directory of {@code path}.
     *
     * @throws InputException naming the file (and page) when it is not a TIFF, is truncated, or holds
     *                        something Tomolyte does not read (colour, unsupported compression, ...)
     */
    static TiffFile open(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return parse(path, ch);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static TiffFile parse(Path path, FileChannel ch) throws IOException {
        long size = ch.size();
        byte[] head = new byte[(int) Math.min(16, size)];
        readFully(ch, ByteBuffer.wrap(head), 0);
        if (head.length < 8 || !((head[0] == 'I' && head[1] == 'I') || (head[0] == 'M' && head[1] == 'M'))) {
            throw new InputException(path + ": not a TIFF file: expected TIFF byte-order mark II or MM, found "
                    + hex(head, 2) + (head.length < 8 ? " (file has only " + size + " bytes)" : ""));
        }
        ByteOrder order = head[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer hb = ByteBuffer.wrap(head).order(order);
        int version = Short.toUnsignedInt(hb.getShort(2));
        boolean big;
        long first;
        if (version == 42) {
            big = false;
            first = Integer.toUnsignedLong(hb.getInt(4));
        } else if (version == 43) {
            if (head.length < 16 || hb.getShort(4) != 8) {
                throw new InputException(path + ": truncated or malformed BigTIFF header (expected offset size 8 in a 16-byte header)");
            }
            big = true;
            first = hb.getLong(8);
        } else {
            throw new InputException(path + ": not a TIFF file: expected version 42 (TIFF) or 43 (BigTIFF), found " + version);
        }
        TiffFile shell = new TiffFile(path, order, big, size, List.of());
        List<TiffPage> pages = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long offset = first;
        int index = 0;
        while (offset != 0) {
            if (offset < 8 || offset >= size) {
                throw new InputException(path + ": truncated: IFD " + index + " is at byte " + offset
                        + ", beyond the end of the file (" + size + " bytes)");
            }
            if (!seen.add(offset)) {
                throw new InputException(path + ": corrupt: IFD " + index + " at byte " + offset + " repeats an earlier IFD (a loop)");
            }
            ByteBuffer cb = shell.read(ch, offset, big ? 8 : 2, "IFD " + index + " entry count");
            long count = big ? cb.getLong(0) : Short.toUnsignedInt(cb.getShort(0));
            int entrySize = big ? 20 : 12;
            if (count < 1 || count > 65535) {
                throw new InputException(path + ": corrupt: IFD " + index + " at byte " + offset + " declares " + count + " entries");
            }
            long start = offset + (big ? 8 : 2);
            ByteBuffer eb = shell.read(ch, start, (int) count * entrySize + (big ? 8 : 4), "IFD " + index);
            Map<Integer, Entry> entries = new HashMap<>();
            for (int k = 0; k < count; k++) {
                int p = k * entrySize;
                int tag = Short.toUnsignedInt(eb.getShort(p));
                int type = Short.toUnsignedInt(eb.getShort(p + 2));
                long n = big ? eb.getLong(p + 4) : Integer.toUnsignedLong(eb.getInt(p + 4));
                byte[] field = new byte[big ? 8 : 4];
                eb.get(p + (big ? 12 : 8), field);
                entries.putIfAbsent(tag, new Entry(type, n, field));
            }
            long next = big ? eb.getLong((int) count * entrySize) : Integer.toUnsignedLong(eb.getInt((int) count * entrySize));
            // reduced-resolution copies (thumbnails, bit 0 of NewSubfileType) are not slices: skip them unvalidated
            if ((shell.single(ch, entries, 254, 0, path + ": IFD " + index) & 1) == 0) {
                pages.add(shell.page(ch, pages.size(), entries));
            }
            offset = next;
            index++;
        }
        if (pages.isEmpty()) {
            throw new InputException(path + ": expected at least one full-resolution image in the TIFF file, found none");
        }
        if (pages.size() == 1) {
            expandImageJStack(path, size, pages);
        }
        return new TiffFile(path, order, big, size, List.copyOf(pages));
    }

    /**
     * ImageJ saves stacks larger than 4 GiB with a single IFD whose description says
     * {@code images=N}; the N slices follow each other, uncompressed, from the first strip. Adds
     * the pages such a file implies (as ImageJ and tifffile read it).
     */
    private static void expandImageJStack(Path path, long size, List<TiffPage> pages) {
        TiffPage p = pages.getFirst();
        String d = p.description();
        if (d == null || !d.startsWith("ImageJ=") || p.compression() != TiffCompression.NONE || p.tiled()) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^images=(\\d+)$").matcher(d);
        if (!m.find()) {
            return;
        }
        long images = Long.parseLong(m.group(1));
        long rowBytes = p.kind().rowBytes(p.width());
        long sliceBytes = rowBytes * p.height();
        long[] offsets = p.offsets();
        int strips = p.chunksDown();
        for (int s = 0; s + 1 < strips; s++) {
            if (offsets[s + 1] != offsets[s] + rowBytes * p.chunkHeight()) {
                return;
            }
        }
        if (images <= 1 || images > Integer.MAX_VALUE - 8) {
            return;
        }
        if (offsets[0] + images * sliceBytes > size) {
            throw new InputException(path + ": truncated: the ImageJ stack of " + images + " images needs bytes up to "
                    + (offsets[0] + images * sliceBytes) + " but the file has only " + size + " bytes");
        }
        for (int k = 1; k < images; k++) {
            long[] shifted = new long[strips];
            for (int s = 0; s < strips; s++) {
                shifted[s] = offsets[s] + k * sliceBytes;
            }
            pages.add(new TiffPage(k, p.width(), p.height(), p.kind(), p.compression(), p.predictor(), p.lsbFirst(),
                    false, p.chunkWidth(), p.chunkHeight(), shifted, p.byteCounts(), null, p.xResolution(),
                    p.yResolution(), p.resolutionUnit()));
        }
    }

    private TiffPage page(FileChannel ch, int index, Map<Integer, Entry> e) throws IOException {
        String where = path + ": page " + index;
        int width = dimension(ch, e, 256, "ImageWidth", where);
        int height = dimension(ch, e, 257, "ImageLength", where);
        int samples = (int) single(ch, e, 277, 1, where);
        int photometric = (int) single(ch, e, 262, -1, where);
        if (samples != 1) {
            throw new InputException(where + ": expected 1 sample per pixel (grey), found " + samples + describePhotometric(photometric, samples));
        }
        if (single(ch, e, 32997, 1, where) > 1) {
            throw new InputException(where + ": expected 2D pages, found an SGI ImageDepth of " + single(ch, e, 32997, 1, where) + " (volumetric tiles)");
        }
        int bits = (int) single(ch, e, 258, 1, where);
        int format = (int) single(ch, e, 339, 1, where);
        SampleKind kind = SampleKind.of(bits, format);
        if (kind == null) {
            throw new InputException(where + ": expected 1-, 8-, 16-, 32- or 64-bit grey samples (unsigned, signed or float), found "
                    + SampleKind.describe(bits, format));
        }
        int code = (int) single(ch, e, 259, 1, where);
        TiffCompression compression = TiffCompression.fromCode(code);
        if (compression == null) {
            throw new InputException(where + ": unsupported compression " + TiffCompression.describe(code)
                    + "; expected 1 (none), 5 (LZW), 8 or 32946 (Deflate) or 32773 (PackBits)");
        }
        int predictor = (int) single(ch, e, 317, 1, where);
        if (predictor != 1 && predictor != 2) {
            throw new InputException(where + ": unsupported predictor " + predictor
                    + (predictor == 3 ? " (floating point)" : "") + "; expected 1 (none) or 2 (horizontal differencing)");
        }
        if (predictor == 2 && kind == SampleKind.BIT1) {
            throw new InputException(where + ": predictor 2 (horizontal differencing) is not defined for 1-bit samples");
        }
        long fill = single(ch, e, 266, 1, where);
        if (fill != 1 && fill != 2) {
            throw new InputException(where + ": expected FillOrder 1 or 2, found " + fill);
        }
        boolean tiled = e.containsKey(322) || e.containsKey(324);
        int cw;
        int chh;
        long[] offsets;
        long[] counts;
        if (tiled) {
            cw = dimension(ch, e, 322, "TileWidth", where);
            chh = dimension(ch, e, 323, "TileLength", where);
            offsets = required(ch, e, 324, "TileOffsets", where);
            counts = e.containsKey(325) ? longs(ch, e.get(325), where + " TileByteCounts") : null;
        } else {
            long rps = single(ch, e, 278, 0xFFFFFFFFL, where);
            if (rps < 1) {
                throw new InputException(where + ": expected RowsPerStrip >= 1, found " + rps);
            }
            cw = width;
            chh = (int) Math.min(rps, height);
            offsets = required(ch, e, 273, "StripOffsets", where);
            counts = e.containsKey(279) ? longs(ch, e.get(279), where + " StripByteCounts") : null;
        }
        long chunkBytes = kind.rowBytes(cw) * chh;
        if (chunkBytes > Integer.MAX_VALUE - 16) {
            throw new InputException(where + ": a " + (tiled ? "tile" : "strip") + " of " + chunkBytes
                    + " bytes is larger than the 2 GiB Tomolyte decodes at once");
        }
        long chunks = (long) (tiled ? (width + (long) cw - 1) / cw : 1) * ((height + (long) chh - 1) / chh);
        if (offsets.length < chunks) {
            throw new InputException(where + ": expected " + chunks + (tiled ? " tile" : " strip") + " offsets, found " + offsets.length);
        }
        if (counts == null) {
            if (compression != TiffCompression.NONE) {
                throw new InputException(where + ": compressed data without " + (tiled ? "TileByteCounts" : "StripByteCounts"));
            }
            counts = new long[offsets.length];
            java.util.Arrays.fill(counts, chunkBytes);
        } else if (counts.length < chunks) {
            throw new InputException(where + ": expected " + chunks + (tiled ? " tile" : " strip") + " byte counts, found " + counts.length);
        }
        return new TiffPage(index, width, height, kind, compression, predictor, fill == 2, tiled, cw, chh, offsets, counts,
                e.containsKey(270) ? ascii(ch, e.get(270), where) : null,
                rational(ch, e.get(282), where), rational(ch, e.get(283), where),
                (int) single(ch, e, 296, 2, where));
    }

    private static String describePhotometric(int photometric, int samples) {
        String name = switch (photometric) {
            case 2 -> "RGB";
            case 3 -> "palette";
            case 5 -> "CMYK";
            case 6 -> "YCbCr";
            case 8, 9, 10 -> "CIELab";
            default -> samples == 2 ? "grey + alpha" : samples == 4 ? "RGBA" : null;
        };
        return name == null ? "" : " (" + name + ")";
    }

    private int dimension(FileChannel ch, Map<Integer, Entry> e, int tag, String name, String where) throws IOException {
        if (!e.containsKey(tag)) {
            throw new InputException(where + ": missing required tag " + name + " (" + tag + ")");
        }
        long v = single(ch, e, tag, 0, where);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new InputException(where + ": expected " + name + " in 1.." + Integer.MAX_VALUE + ", found " + v);
        }
        return (int) v;
    }

    private long[] required(FileChannel ch, Map<Integer, Entry> e, int tag, String name, String where) throws IOException {
        if (!e.containsKey(tag)) {
            throw new InputException(where + ": missing required tag " + name + " (" + tag + ")");
        }
        return longs(ch, e.get(tag), where + " " + name);
    }

    private long single(FileChannel ch, Map<Integer, Entry> e, int tag, long fallback, String where) throws IOException {
        Entry entry = e.get(tag);
        if (entry == null || entry.count() == 0) {
            return fallback;
        }
        return longs(ch, entry, where + " tag " + tag)[0];
    }

    /** The bytes of an entry's value: inline in the field, or at the offset it holds. */
    private ByteBuffer value(FileChannel ch, Entry entry, String what) throws IOException {
        int t = entry.type();
        int unit = t < TYPE_SIZES.length ? TYPE_SIZES[t] : 0;
        if (unit == 0) {
            throw new InputException(path + ": " + what + " has unknown TIFF field type " + t);
        }
        if (entry.count() > (Integer.MAX_VALUE - 16) / unit) {
            throw new InputException(path + ": " + what + " declares " + entry.count() + " values, more than the file can hold");
        }
        int bytes = (int) entry.count() * unit;
        ByteBuffer field = ByteBuffer.wrap(entry.field()).order(order);
        if (bytes <= entry.field().length) {
            return field;
        }
        long at = bigTiff ? field.getLong(0) : Integer.toUnsignedLong(field.getInt(0));
        return read(ch, at, bytes, what);
    }

    private long[] longs(FileChannel ch, Entry entry, String what) throws IOException {
        ByteBuffer b = value(ch, entry, what);
        int n = (int) entry.count();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (entry.type()) {
                case 1, 2, 7 -> Byte.toUnsignedLong(b.get(i));
                case 6 -> b.get(i);
                case 3 -> Short.toUnsignedLong(b.getShort(2 * i));
                case 8 -> b.getShort(2 * i);
                case 4, 13 -> Integer.toUnsignedLong(b.getInt(4 * i));
                case 9 -> b.getInt(4 * i);
                case 16, 17, 18 -> b.getLong(8 * i);
                case 5 -> Integer.toUnsignedLong(b.getInt(8 * i)) / Math.max(1, Integer.toUnsignedLong(b.getInt(8 * i + 4)));
                case 11 -> (long) b.getFloat(4 * i);
                case 12 -> (long) b.getDouble(8 * i);
                default -> throw new InputException(path + ": " + what + " has field type " + entry.type() + ", expected an integer type");
            };
        }
        return out;
    }

    private TiffPage.Rational rational(FileChannel ch, Entry entry, String where) throws IOException {
        if (entry == null || entry.count() == 0) {
            return null;
        }
        ByteBuffer b = value(ch, entry, where + " resolution");
        TiffPage.Rational r = switch (entry.type()) {
            case 5 -> new TiffPage.Rational(Integer.toUnsignedLong(b.getInt(0)), Integer.toUnsignedLong(b.getInt(4)));
            case 10 -> new TiffPage.Rational(b.getInt(0), b.getInt(4));
            case 11 -> new TiffPage.Rational(b.getFloat(0), 1);
            case 12 -> new TiffPage.Rational(b.getDouble(0), 1);
            default -> new TiffPage.Rational(longs(ch, entry, where + " resolution")[0], 1);
        };
        return r.valid() ? r : null;
    }

    private String ascii(FileChannel ch, Entry entry, String where) throws IOException {
        ByteBuffer b = value(ch, entry, where + " ImageDescription");
        int n = (int) entry.count();
        int len = 0;
        while (len < n && b.get(len) != 0) {
            len++;
        }
        byte[] text = new byte[len];
        b.get(0, text);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text)).toString();
        } catch (CharacterCodingException notUtf8) {
            // TIFF ASCII is 7-bit; older writers store Latin-1 (e.g. a micro sign 0xB5): read it as such
            return new String(text, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads {@code len} bytes at {@code pos}, failing with a "truncated" InputException when they lie beyond the end. */
    ByteBuffer read(FileChannel ch, long pos, int len, String what) throws IOException {
        if (pos < 0 || pos + len > size) {
            throw new InputException(path + ": truncated: " + what + " needs bytes " + pos + ".." + (pos + len)
                    + " but the file has only " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(order);
        readFully(ch, b, pos);
        return b.flip();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + p);
            }
            p += n;
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder("0x");
        for (int i = 0; i < Math.min(n, b.length); i++) {
            s.append(String.format("%02X", b[i] & 0xff));
        }
        return b.length == 0 ? "an empty file" : s.toString();
    }

    /**
     * Decodes page {@code page} into slice {@code z} of {@code volume}, whose dims must be
     * {@code width x height x (> z)} and whose type must be {@code page.kind().type()}.
     *
     * @throws InputException naming the file, page and strip or tile for truncated or corrupt data
     */
    void decode(FileChannel ch, TiffPage page, Volume volume, int z) {
        SampleKind kind = page.kind();
        int rowBytes = (int) kind.rowBytes(page.chunkWidth());
        int across = page.chunksAcross();
        int down = page.chunksDown();
        String unit = page.tiled() ? "tile " : "strip ";
        for (int cy = 0; cy < down; cy++) {
            for (int cx = 0; cx < across; cx++) {
                int c = cy * across + cx;
                int y0 = cy * page.chunkHeight();
                int x0 = cx * page.chunkWidth();
                int rows = page.tiled() ? page.chunkHeight() : Math.min(page.chunkHeight(), page.height() - y0);
                String where = path + ": page " + page.index() + " " + unit + c;
                byte[] data = chunk(ch, page, c, rows, rowBytes, where);
                int keepRows = Math.min(rows, page.height() - y0);
                int keepCols = Math.min(page.chunkWidth(), page.width() - x0);
                for (int r = 0; r < keepRows; r++) {
                    store(kind, data, r * rowBytes, keepCols, volume, volume.dims().index(x0, y0 + r, z), where);
                }
            }
        }
    }

    /** Reads and decompresses chunk {@code c} (strip or tile) of {@code rows} rows and undoes the predictor. */
    private byte[] chunk(FileChannel ch, TiffPage page, int c, int rows, int rowBytes, String where) {
        int expected = rows * rowBytes;
        long offset = page.offsets()[c];
        long count = page.byteCounts()[c];
        if (page.compression() == TiffCompression.NONE) {
            count = Math.min(count, expected);
        }
        if (count > Integer.MAX_VALUE - 16 || count < 0) {
            throw new InputException(where + ": corrupt byte count " + count);
        }
        if (offset < 0 || offset + count > size) {
            throw new InputException(where + ": truncated: data at bytes " + offset + ".." + (offset + count)
                    + " lie beyond the end of the file (" + size + " bytes)");
        }
        byte[] raw = new byte[(int) count];
        try {
            readFully(ch, ByteBuffer.wrap(raw), offset);
        } catch (IOException e) {
            throw new InputException(where + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (page.lsbFirst()) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) (Integer.reverse(raw[i]) >>> 24);
            }
        }
        byte[] out = new byte[expected];
        int produced;
        try {
            produced = page.compression().decode(raw, out);
        } catch (CorruptDataException e) {
            throw new InputException(where + ": corrupt " + page.compression().label() + " data: " + e.getMessage(), e);
        }
        if (produced < expected) {
            throw new InputException(where + ": corrupt or truncated " + page.compression().label() + " data: decoded "
                    + produced + " bytes, expected " + expected);
        }
        if (page.predictor() == 2) {
            undoHorizontalDifferencing(out, rows, rowBytes, page.kind().bits() / 8, order);
        }
        return out;
    }

    /** Undoes TIFF predictor 2 in place: each sample becomes the running sum along its row (modulo 2^bits). */
    static void undoHorizontalDifferencing(byte[] data, int rows, int rowBytes, int sampleBytes, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        for (int r = 0; r < rows; r++) {
            int start = r * rowBytes;
            int end = start + rowBytes;
            for (int p = start + sampleBytes; p + sampleBytes <= end; p += sampleBytes) {
                int q = p - sampleBytes;
                switch (sampleBytes) {
                    case 1 -> data[p] += data[q];
                    case 2 -> b.putShort(p, (short) (b.getShort(p) + b.getShort(q)));
                    case 4 -> b.putInt(p, b.getInt(p) + b.getInt(q));
                    case 8 -> b.putLong(p, b.getLong(p) + b.getLong(q));
                    default -> throw new InternalException("sample size " + sampleBytes);
                }
            }
        }
    }

    /** Element layout moving {@code bytes}-byte samples (type-agnostic; swaps bytes between orders). */
    static ValueLayout element(int bytes) {
        return switch (bytes) {
            case 1 -> ValueLayout.JAVA_BYTE;
            case 2 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case 4 -> ValueLayout.JAVA_INT_UNALIGNED;
            case 8 -> ValueLayout.JAVA_LONG_UNALIGNED;
            default -> throw new InternalException("sample size " + bytes);
        };
    }

    /** Stores {@code n} samples of a decoded row starting at byte {@code off} into voxels {@code dst..dst+n-1}. */
    private void store(SampleKind kind, byte[] src, int off, int n, Volume volume, long dst, String where) {
        if (kind.direct()) {
            int bytes = kind.bits() / 8;
            ValueLayout e = element(bytes);
            MemorySegment.copy(MemorySegment.ofArray(src), e.withOrder(order), off,
                    volume.segment(), e.withOrder(volume.order()), dst * bytes, n);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(src).order(order);
        for (int i = 0; i < n; i++) {
            double v = switch (kind) {
                case BIT1 -> (src[off + (i >>> 3)] >>> (7 - (i & 7))) & 1;
                case I8 -> src[off + i];
                case I16 -> b.getShort(off + 2 * i);
                case U32 -> {
                    long u = Integer.toUnsignedLong(b.getInt(off + 4 * i));
                    if (u > Integer.MAX_VALUE) {
                        throw new InputException(where + ": unsigned 32-bit value " + u
                                + " does not fit the signed 32-bit (i32) volume type (maximum 2147483647)");
                    }
                    yield u;
                }
                default -> throw new InternalException("direct kind " + kind + " on the conversion path");
            };
            volume.set(dst + i, v);
        }
    }
}
