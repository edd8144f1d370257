package org.tomolyte.io.tiff;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.io.WriteOptions;

/**
 * Writes a volume as a little-endian multi-page TIFF stack, one page (IFD) per z slice, in strips
 * of about 64 KiB, with ImageJ calibration so that Fiji opens it with the right voxel size.
 *
 * <p>File layout: the 8-byte (BigTIFF: 16-byte) header, then the pixel data of all slices in z
 * order, then one IFD per slice. Uncompressed data are therefore contiguous, as ImageJ expects
 * of a stack whose description says {@code images=N}. Tags written: NewSubfileType 0,
 * ImageWidth, ImageLength, BitsPerSample (8, 16, 32 or 64), Compression, PhotometricInterpretation
 * 1 (black is zero), ImageDescription (first page only), StripOffsets, SamplesPerPixel 1,
 * RowsPerStrip, StripByteCounts, XResolution = 1/x and YResolution = 1/y pixels per micrometre,
 * PlanarConfiguration 1, ResolutionUnit 1 (none) and SampleFormat (1 unsigned for U8/U16,
 * 2 signed for I32, 3 float for F32/F64).
 *
 * <p>The ImageDescription is {@code ImageJ=1.11a}, then {@code images=NZ} (uncompressed only:
 * ImageJ reads such a stack as contiguous data and would misread compressed pages),
 * {@code slices=NZ} when NZ &gt; 1, {@code unit=micron}, {@code spacing=Z}, {@code loop=false}
 * and, except for U8, {@code min=} and {@code max=} (the finite value range, ImageJ's display range).
 *
 * <p>The volume is streamed slice by slice (never copied whole); a batch of slices is compressed
 * in parallel with {@link Parallel}, and since each strip is compressed on its own the bytes are
 * the same for any thread count. BigTIFF is used when the file could exceed 4 GiB
 * ({@link #needsBigTiff}) or when forced.
 */
public final class TiffWriter {

    /** Target strip size in bytes. */
    public static final int STRIP_BYTES = 64 * 1024;
    private static final long BATCH_BYTES = 256L << 20;
    private static final long CLASSIC_LIMIT = 0xFFFFFFFFL;

    private final TiffCompression compression;
    private final boolean forceBigTiff;

    /**
     * A writer.
     *
     * @param compression  compression of the strips; null means {@link TiffCompression#NONE}
     * @param forceBigTiff write BigTIFF even when classic TIFF would do (BigTIFF is chosen
     *                     automatically for files that could exceed 4 GiB)
     */
    public TiffWriter(TiffCompression compression, boolean forceBigTiff) {
        this.compression = compression == null ? TiffCompression.NONE : compression;
        this.forceBigTiff = forceBigTiff;
    }

    /**
     * The writer for {@link WriteOptions}: compression {@code null|none|deflate|lzw|packbits}, BigTIFF automatic.
     *
     * @throws org.tomolyte.core.ParameterException for another compression name
     */
    public static TiffWriter of(WriteOptions options) {
        return new TiffWriter(TiffCompression.parse(options == null ? null : options.compression()), false);
    }

    /** The compression this writer uses. */
    public TiffCompression compression() {
        return compression;
    }

    /** True when this writer always writes BigTIFF. */
    public boolean forceBigTiff() {
        return forceBigTiff;
    }

    /**
     * True when a {@code dims} volume of {@code type} written with {@code compression} could exceed
     * the 4 GiB reach of classic TIFF offsets. The estimate is an upper bound: uncompressed size
     * times the worst-case expansion of the codec (LZW 1.5, PackBits 1 + 1/64 plus 2 bytes a row,
     * Deflate 1.01 plus 64 bytes a strip) plus the IFDs.
     */
    public static boolean needsBigTiff(Dims dims, DataType type, TiffCompression compression) {
        long rowBytes = (long) dims.nx() * type.bytes();
        long rowsPerStrip = rowsPerStrip(rowBytes, dims.ny());
        long stripsPerSlice = (dims.ny() + rowsPerStrip - 1) / rowsPerStrip;
        double data = (double) dims.voxels() * type.bytes();
        double bound = switch (compression == null ? TiffCompression.NONE : compression) {
            case NONE -> data;
            case LZW -> data * 1.5 + 16.0 * stripsPerSlice * dims.nz();
            case PACKBITS -> data * (1 + 1.0 / 64) + 2.0 * dims.ny() * dims.nz();
            case DEFLATE -> data * 1.01 + 64.0 * stripsPerSlice * dims.nz();
        };
        double ifds = dims.nz() * (400.0 + 16.0 * stripsPerSlice) + 4096;
        return 16 + bound + ifds > CLASSIC_LIMIT;
    }

    private static int rowsPerStrip(long rowBytes, int ny) {
        return (int) Math.max(1, Math.min(ny, STRIP_BYTES / rowBytes));
    }

    /**
     * Writes {@code volume} to {@code path}, which must not exist. Advances {@code progress} by
     * one per slice written.
     *
     * @throws InternalException when the file cannot be written
     */
    public void write(Volume volume, Path path, Progress progress) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new Job(volume, ch, progress).run();
        } catch (IOException e) {
            throw new InternalException(path + ": cannot write TIFF (" + e.getMessage() + ")", e);
        }
    }

    /** One write in progress. */
    private final class Job {
        private final Volume volume;
        private final FileChannel ch;
        private final Progress progress;
        private final Dims dims;
        private final DataType type;
        private final int bytes;
        private final int rowBytes;
        private final int rowsPerStrip;
        private final int strips;
        private final boolean big;
        private long pos;

        Job(Volume volume, FileChannel ch, Progress progress) {
            this.volume = volume;
            this.ch = ch;
            this.progress = progress;
            this.dims = volume.dims();
            this.type = volume.type();
            this.bytes = type.bytes();
            long rb = (long) dims.nx() * bytes;
            if (rb > Integer.MAX_VALUE / 2) {
                throw new InternalException("cannot write a TIFF row of " + rb + " bytes (limit 1 GiB)");
            }
            this.rowBytes = (int) rb;
            this.rowsPerStrip = rowsPerStrip(rb, dims.ny());
            this.strips = (dims.ny() + rowsPerStrip - 1) / rowsPerStrip;
            this.big = forceBigTiff || needsBigTiff(dims, type, compression);
        }

        void run() throws IOException {
            ByteBuffer header = le(big ? 16 : 8);
            header.put((byte) 'I').put((byte) 'I');
            if (big) {
                header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(0);
            } else {
                header.putShort((short) 42).putInt(0);
            }
            write(header.flip());
            int nz = dims.nz();
            long[][] counts = new long[nz][];
            long[] starts = new long[nz];
            long sliceBytes = (long) rowBytes * dims.ny();
            int batch = (int) Math.max(1, Math.min(Math.max(1, Parallel.threads()), BATCH_BYTES / Math.max(1, sliceBytes)));
            for (int z0 = 0; z0 < nz; z0 += batch) {
                int first = z0;
                List<byte[][]> encoded = Parallel.map(Math.min(batch, nz - z0), k -> encodeSlice(first + k));
                for (int k = 0; k < encoded.size(); k++) {
                    byte[][] slice = encoded.get(k);
                    starts[first + k] = pos;
                    counts[first + k] = new long[strips];
                    for (int s = 0; s < strips; s++) {
                        counts[first + k][s] = slice[s].length;
                        write(ByteBuffer.wrap(slice[s]));
                    }
                    progress.advance(1);
                }
            }
            if ((pos & 1) != 0) {
                write(ByteBuffer.wrap(new byte[1]));
            }
            String description = description();
            long firstIfd = pos;
            for (int z = 0; z < nz; z++) {
                List<Field> fields = fields(z, starts[z], counts[z], z == 0 ? description : null);
                long size = ifdSize(fields);
                write(ifd(fields, pos, z + 1 < nz ? pos + size : 0));
            }
            if (!big && pos > CLASSIC_LIMIT) {
                throw new InternalException("TIFF size estimate was exceeded: " + pos + " bytes in a classic TIFF");
            }
            ByteBuffer patch = le(8);
            if (big) {
                patch.putLong(firstIfd);
            } else {
                patch.putInt((int) firstIfd);
            }
            patch.flip();
            long at = big ? 8 : 4;
            while (patch.hasRemaining()) {
                at += ch.write(patch, at);
            }
        }

        /** The strips of slice z: rows copied to little-endian bytes and compressed. */
        private byte[][] encodeSlice(int z) {
            byte[][] out = new byte[strips][];
            ValueLayout e = TiffFile.element(bytes);
            for (int s = 0; s < strips; s++) {
                int y0 = s * rowsPerStrip;
                int rows = Math.min(rowsPerStrip, dims.ny() - y0);
                byte[] raw = new byte[rows * rowBytes];
                MemorySegment.copy(volume.segment(), e.withOrder(volume.order()), dims.index(0, y0, z) * bytes,
                        MemorySegment.ofArray(raw), e.withOrder(ByteOrder.LITTLE_ENDIAN), 0, (long) rows * dims.nx());
                out[s] = compression.encode(raw, rows, rowBytes);
            }
            return out;
        }

        private String description() {
            StringBuilder d = new StringBuilder("ImageJ=1.11a\n");
            int nz = dims.nz();
            if (nz > 1) {
                if (compression == TiffCompression.NONE) {
                    d.append("images=").append(nz).append('\n');
                }
                d.append("slices=").append(nz).append('\n');
            }
            d.append("unit=micron\n");
            d.append("spacing=").append(volume.spacing().z()).append('\n');
            d.append("loop=false\n");
            if (type != DataType.U8) {
                double[] range = range();
                if (range != null) {
                    d.append("min=").append(range[0]).append('\n');
                    d.append("max=").append(range[1]).append('\n');
                }
            }
            return d.toString();
        }

        /** Finite minimum and maximum over the volume (combined in slice order), or null when there is none. */
        private double[] range() {
            List<double[]> per = Parallel.map(dims.nz(), z -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                long start = dims.index(0, 0, z);
                for (long i = start, end = start + dims.sliceVoxels(); i < end; i++) {
                    double v = volume.get(i);
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                return new double[] {lo, hi};
            });
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] r : per) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
            return lo <= hi ? new double[] {lo, hi} : null;
        }

        private List<Field> fields(int z, long start, long[] counts, String description) {
            long[] offsets = new long[counts.length];
            long p = start;
            for (int s = 0; s < counts.length; s++) {
                offsets[s] = p;
                p += counts[s];
            }
            int longType = big ? 16 : 4;
            List<Field> f = new ArrayList<>();
            f.add(Field.of(254, 4, 0));
            f.add(Field.of(256, 4, dims.nx()));
            f.add(Field.of(257, 4, dims.ny()));
            f.add(Field.of(258, 3, bytes * 8L));
            f.add(Field.of(259, 3, compression.code()));
            f.add(Field.of(262, 3, 1));
            if (description != null) {
                byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
                f.add(new Field(270, 2, text.length, text));
            }
            f.add(Field.of(273, longType, offsets));
            f.add(Field.of(277, 3, 1));
            f.add(Field.of(278, 4, rowsPerStrip));
            f.add(Field.of(279, longType, counts));
            f.add(Field.rational(282, 1 / volume.spacing().x()));
            f.add(Field.rational(283, 1 / volume.spacing().y()));
            f.add(Field.of(284, 3, 1));
            f.add(Field.of(296, 3, 1));
            f.add(Field.of(339, 3, switch (type) {
                case U8, U16 -> 1;
                case I32 -> 2;
                case F32, F64 -> 3;
            }));
            return f;
        }

        private long ifdSize(List<Field> fields) {
            int inline = big ? 8 : 4;
            long size = (big ? 8 : 2) + (long) fields.size() * (big ? 20 : 12) + (big ? 8 : 4);
            for (Field f : fields) {
                if (f.value().length > inline) {
                    size += (f.value().length + 1) & ~1;
                }
            }
            return size;
        }

        /** Serialises an IFD placed at {@code at}, its large values right after the entries. */
        private ByteBuffer ifd(List<Field> fields, long at, long next) {
            int inline = big ? 8 : 4;
            ByteBuffer b = le((int) ifdSize(fields));
            long overflow = at + (big ? 8 : 2) + (long) fields.size() * (big ? 20 : 12) + (big ? 8 : 4);
            if (big) {
                b.putLong(fields.size());
            } else {
                b.putShort((short) fields.size());
            }
            List<byte[]> extra = new ArrayList<>();
            for (Field f : fields) {
                b.putShort((short) f.tag()).putShort((short) f.type());
                if (big) {
                    b.putLong(f.count());
                } else {
                    b.putInt((int) f.count());
                }
                if (f.value().length <= inline) {
                    b.put(f.value()).put(new byte[inline - f.value().length]);
                } else {
                    if (big) {
                        b.putLong(overflow);
                    } else {
                        b.putInt((int) overflow);
                    }
                    extra.add(f.value());
                    overflow += (f.value().length + 1) & ~1;
                }
            }
            if (big) {
                b.putLong(next);
            } else {
                b.putInt((int) next);
            }
            for (byte[] v : extra) {
                b.put(v);
                if ((v.length & 1) != 0) {
                    b.put((byte) 0);
                }
            }
            return b.flip();
        }

        private void write(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                pos += ch.write(b, pos);
            }
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * One IFD entry ready to write: tag, field type, count and little-endian value bytes.
     */
    private record Field(int tag, int type, long count, byte[] value) {

        static Field of(int tag, int type, long... values) {
            int size = switch (type) {
                case 3 -> 2;
                case 4 -> 4;
                case 16 -> 8;
                default -> throw new InternalException("field type " + type + " is not an integer type the writer uses");
            };
            ByteBuffer b = le(values.length * size);
            for (long v : values) {
                switch (size) {
                    case 2 -> b.putShort((short) v);
                    case 4 -> b.putInt((int) v);
                    default -> b.putLong(v);
                }
            }
            return new Field(tag, type, values.length, b.array());
        }

        static Field rational(int tag, double value) {
            long[] r = TiffWriter.rational(value);
            ByteBuffer b = le(8);
            b.putInt((int) r[0]).putInt((int) r[1]);
            return new Field(tag, 5, 1, b.array());
        }
    }

    /**
     * The closest fraction {@code {numerator, denominator}} to {@code value} (&gt; 0) with both terms
     * below 2^32, by continued fractions; e.g. 1/0.7 gives 10/7.
     */
    static long[] rational(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InternalException("a TIFF resolution must be a positive finite number, got " + value);
        }
        if (value >= CLASSIC_LIMIT) {
            return new long[] {CLASSIC_LIMIT, 1};
        }
        double h0 = 0;
        double h1 = 1;
        double k0 = 1;
        double k1 = 0;
        double x = value;
        for (int i = 0; i < 64; i++) {
            double a = Math.floor(x);
            double h2 = a * h1 + h0;
            double k2 = a * k1 + k0;
            if (h2 > CLASSIC_LIMIT || k2 > CLASSIC_LIMIT) {
                break;
            }
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            double frac = x - a;
            if (h1 / k1 == value || frac < 1e-12) {
                break;
            }
            x = 1 / frac;
        }
        if (k1 == 0 || h1 == 0) {
            return new long[] {1, CLASSIC_LIMIT};
        }
        return new long[] {(long) h1, (long) k1};
    }
}
