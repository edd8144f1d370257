package org.tomolyte.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomolyte.core.InputException;

/**
 * The header of a numpy {@code .npy} file, format versions 1.0, 2.0 and 3.0 (numpy's
 * {@code numpy.lib.format}): the magic {@code \x93NUMPY}, a major and minor version byte, the
 * header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then a Python dict
 * literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (z, y, x), }} padded with
 * spaces and a newline (latin-1 in 1.0 and 2.0, UTF-8 in 3.0). The data follow at
 * {@link #dataOffset()}.
 *
 * @param major        format major version: 1, 2 or 3
 * @param minor        format minor version (0)
 * @param dataOffset   byte offset of the first data byte (the total header size)
 * @param descr        the dtype string as written, e.g. {@code <f4}
 * @param fortranOrder the {@code fortran_order} flag
 * @param shape        the array shape, slowest axis first
 */
public record NpyHeader(int major, int minor, long dataOffset, String descr, boolean fortranOrder, long[] shape) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** numpy aligns the data start to this many bytes. */
    private static final int ALIGN = 64;

    /**
     * Reads and parses the header of {@code file}.
     *
     * @throws InputException for a missing magic, an unknown version, a truncated header or a
     *                        header without {@code descr}, {@code fortran_order} or {@code shape}
     */
    public static NpyHeader read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] pre = in.readNBytes(8);
            if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), MAGIC)) {
                throw new InputException(file + ": not an NPY file; expected the magic bytes \\x93NUMPY at the start, found "
                        + hex(pre));
            }
            int major = pre[6] & 0xFF;
            int minor = pre[7] & 0xFF;
            if (major < 1 || major > 3) {
                throw new InputException(file + ": NPY format version " + major + "." + minor + " is not supported; expected 1.0, 2.0 or 3.0");
            }
            byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
            if (lenBytes.length < (major == 1 ? 2 : 4)) {
                throw new InputException(file + ": NPY header is truncated (file ends inside the header length)");
            }
            long len = 0;
            for (int i = lenBytes.length - 1; i >= 0; i--) {
                len = (len << 8) | (lenBytes[i] & 0xFF);
            }
            long prefix = 8 + lenBytes.length;
            if (len > Integer.MAX_VALUE - 16) {
                throw new InputException(file + ": NPY header length " + len + " bytes is implausible");
            }
            byte[] dict = in.readNBytes((int) len);
            if (dict.length < len) {
                throw new InputException(file + ": NPY header is truncated; expected " + len + " header bytes, found " + dict.length);
            }
            Charset cs = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            String text = new String(dict, cs).strip();
            return new NpyHeader(major, minor, prefix + len, field(DESCR, text, "descr", file),
                    "True".equals(field(FORTRAN, text, "fortran_order", file)), shape(field(SHAPE, text, "shape", file), file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String field(Pattern p, String text, String name, Path file) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new InputException(file + ": NPY header has no usable '" + name + "' entry (a simple scalar dtype is expected); header is "
                    + oneLine(text));
        }
        return m.group(1);
    }

    private static long[] shape(String tuple, Path file) {
        String t = tuple.strip();
        if (t.isEmpty()) {
            return new long[0];
        }
        String[] parts = t.split("\\s*,\\s*");
        long[] s = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                s[i] = Long.parseLong(parts[i].strip().replace("L", ""));
            }
        } catch (NumberFormatException e) {
            throw new InputException(file + ": NPY shape must be a tuple of integers, found (" + tuple + ")", e);
        }
        return s;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return b.length == 0 ? "an empty file" : "0x" + sb;
    }

    /** The shape as numpy prints it, e.g. {@code (16, 8, 48)}. */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Encodes a C-order header for {@code descr} and {@code shape}: version 1.0, or 2.0 when the
     * dict is longer than 65535 bytes; padded with spaces and a newline so that the data start
     * at a multiple of 64 bytes, as numpy writes it.
     */
    public static byte[] encode(String descr, long[] shape) {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        sb.append(shape.length == 1 ? ",), }" : "), }");
        byte[] dict = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        int major = 1;
        int prefix = 10;
        int total = padded(prefix + dict.length + 1);
        if (total - prefix > 65535) {
            major = 2;
            prefix = 12;
            total = padded(prefix + dict.length + 1);
        }
        int len = total - prefix;
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) major;
        out[7] = 0;
        for (int i = 0; i < prefix - 8; i++) {
            out[8 + i] = (byte) (len >>> (8 * i));
        }
        System.arraycopy(dict, 0, out, prefix, dict.length);
        Arrays.fill(out, prefix + dict.length, total - 1, (byte) ' ');
        out[total - 1] = '\n';
        return out;
    }

    private static int padded(int bytes) {
        return ((bytes + ALIGN - 1) / ALIGN) * ALIGN;
    }
}
