package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.io.WriteOptions;
import org.tomolyte.testkit.PythonPeer;
import org.tomolyte.testkit.VolumeAssert;

/**
 * Peer round trips with tifffile (and Pillow/libtiff for LZW, which tifffile cannot decode
 * without imagecodecs): they read what we write, we read what they write. Values must match
 * exactly.
 */
class TiffPeerTest {

    /** Dumps each TIFF as float64 and prints shape, dtype, ImageJ spacing and resolutions. */
    static final String DUMP = """
            import sys, tifffile, numpy as np
            out = sys.argv[1]
            for k, f in enumerate(sys.argv[2:]):
                with tifffile.TiffFile(f) as t:
                    a = t.asarray()
                    ij = t.imagej_metadata or {}
                    p = t.pages[0]
                    xr = p.tags['XResolution'].value
                    yr = p.tags['YResolution'].value
                    a.astype('<f8').tofile(f'{out}/{k}.f64')
                    print(f"{k};{','.join(map(str, a.shape))};{a.dtype};{ij.get('spacing')};{ij.get('unit')};{xr[0]}/{xr[1]};{yr[0]}/{yr[1]};{len(t.pages)}")
            """;

    /** Dumps each multi-page TIFF through Pillow (libtiff) as float64 and prints shape and mode. */
    static final String PIL_DUMP = """
            import sys, numpy as np
            from PIL import Image, ImageSequence
            out = sys.argv[1]
            for k, f in enumerate(sys.argv[2:]):
                im = Image.open(f)
                frames = [np.array(fr) for fr in ImageSequence.Iterator(im)]
                a = np.stack(frames)
                a.astype('<f8').tofile(f'{out}/{k}.f64')
                print(f"{k};{','.join(map(str, a.shape))};{im.mode}")
            """;

    /** Writes TIFF variants with tifffile (and Pillow for LZW/PackBits), each with its values as float64. */
    static final String MAKE = """
            import sys, tifffile, numpy as np
            d = sys.argv[1]
            rng = np.random.default_rng(1234)
            def runs(shape, lo, hi, dtype):
                a = rng.integers(lo, hi, size=shape).astype(dtype)
                flat = a.reshape(-1)
                keep = rng.integers(0, 2, size=flat.size).astype(bool)
                for i in range(1, flat.size):
                    if keep[i]:
                        flat[i] = flat[i - 1]
                return a
            def save(name, a, **kw):
                if not kw.get('imagej'):
                    kw.setdefault('photometric', 'minisblack')
                tifffile.imwrite(f'{d}/{name}.tif', a, **kw)
                a.astype('<f8').tofile(f'{d}/{name}.f64')
                print(name)
            u16 = runs((4, 33, 45), 0, 65536, np.uint16)
            save('zlib_u16', u16, compression='zlib')
            save('zlib_pred_u16', u16, compression='zlib', predictor=True)
            save('adobe_deflate_u8', runs((3, 20, 21), 0, 256, np.uint8), compression='adobe_deflate')
            save('bigendian_u16', u16, byteorder='>')
            save('bigendian_pred_u16', u16, byteorder='>', compression='zlib', predictor=True)
            save('bigendian_f32', (rng.standard_normal((3, 17, 19)) * 1000).astype(np.float32), byteorder='>')
            save('bigtiff_u8', runs((5, 20, 30), 0, 256, np.uint8), bigtiff=True)
            save('bigtiff_be_f64', rng.standard_normal((2, 9, 11)), bigtiff=True, byteorder='>', compression='zlib')
            save('tiled_u16', runs((3, 40, 50), 0, 65536, np.uint16), tile=(16, 16))
            save('tiled_zlib_f32', rng.standard_normal((2, 40, 50)).astype(np.float32), tile=(16, 16), compression='zlib')
            save('int16', runs((3, 25, 26), -32768, 32768, np.int16))
            save('int16_pred', runs((3, 25, 26), -32768, 32768, np.int16), compression='zlib', predictor=True)
            save('int8', runs((2, 10, 11), -128, 128, np.int8))
            save('int32', runs((2, 10, 11), -2**31, 2**31, np.int32))
            save('uint32', runs((2, 10, 11), 0, 2**31, np.uint32))
            save('float64', rng.standard_normal((3, 14, 15)) * 1e9)
            save('bool_1bit', rng.integers(0, 2, size=(3, 19, 21)).astype(bool))
            save('bool_1bit_miniswhite', rng.integers(0, 2, size=(2, 9, 30)).astype(bool), photometric='miniswhite')
            save('imagej_u8', runs((6, 20, 22), 0, 256, np.uint8), imagej=True,
                 resolution=(1 / 0.5, 1 / 0.5), metadata={'spacing': 2.0, 'unit': 'um'})
            save('single_page_u8', runs((20, 22), 0, 256, np.uint8))
            try:
                from PIL import Image
                for comp, name in (('tiff_lzw', 'pil_lzw_u8'), ('packbits', 'pil_packbits_u8'), ('tiff_adobe_deflate', 'pil_deflate_u8')):
                    a = runs((3, 37, 41), 0, 256, np.uint8)
                    ims = [Image.fromarray(p) for p in a]
                    ims[0].save(f'{d}/{name}.tif', save_all=True, append_images=ims[1:], compression=comp)
                    a.astype('<f8').tofile(f'{d}/{name}.f64')
                    print(name)
                a = runs((1, 120, 700), 0, 65536, np.uint16)
                Image.fromarray(a[0]).save(f'{d}/pil_lzw_u16.tif', compression='tiff_lzw')
                a.astype('<f8').tofile(f'{d}/pil_lzw_u16.f64')
                print('pil_lzw_u16')
            except ImportError:
                pass
            """;

    @TempDir
    Path dir;

    @Test
    void tifffileReadsOurFiles() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("tifffile", "numpy"), PythonPeer.skipMessage("tifffile"));
        Spacing spacing = new Spacing(0.5, 0.7, 2.0);
        Dims dims = new Dims(37, 29, 4);
        List<Volume> volumes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        // tifffile without imagecodecs decodes none, deflate and packbits; LZW is checked with Pillow below
        for (DataType t : DataType.values()) {
            for (String c : new String[] {"none", "deflate", "packbits"}) {
                Volume v = TiffTestVolumes.random(dims, t, spacing, 100 + t.ordinal());
                Path f = dir.resolve(t.label() + "-" + c + ".tif");
                VolumeIO.write(v, f, new WriteOptions(c, null), Progress.NONE);
                volumes.add(v);
                files.add(f.toString());
            }
        }
        Path out = dir.resolve("dump");
        java.nio.file.Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of(out.toString()));
        args.addAll(files);
        List<String> lines = PythonPeer.run(DUMP, args.toArray(String[]::new)).lines().toList();
        assertEquals(files.size(), lines.size(), String.join("\n", lines));
        for (int k = 0; k < files.size(); k++) {
            String[] f = lines.get(k).split(";");
            Volume v = volumes.get(k);
            String what = files.get(k);
            assertEquals("4,29,37", f[1], what);
            assertEquals(switch (v.type()) {
                case U8 -> "uint8";
                case U16 -> "uint16";
                case I32 -> "int32";
                case F32 -> "float32";
                case F64 -> "float64";
            }, f[2], what);
            assertEquals(2.0, Double.parseDouble(f[3]), 0, what + " ImageJ spacing");
            assertEquals("micron", f[4], what);
            assertEquals("2/1", f[5], what + " XResolution = 1/0.5 px per um");
            assertEquals("10/7", f[6], what + " YResolution = 1/0.7 px per um");
            assertEquals("4", f[7], what + " pages");
            VolumeAssert.assertValues(PythonPeer.readF64(out.resolve(k + ".f64")), v, what);
            v.close();
        }
    }

    @Test
    void pillowReadsOurLzwAndPackBitsFiles() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("PIL", "numpy"), PythonPeer.skipMessage("Pillow"));
        Dims dims = new Dims(301, 250, 3);
        List<Volume> volumes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        // Pillow has no 64-bit float mode; F64 LZW is covered by our own round trip
        for (DataType t : new DataType[] {DataType.U8, DataType.U16, DataType.I32, DataType.F32}) {
            for (String c : new String[] {"lzw", "packbits"}) {
                Volume v = TiffTestVolumes.random(dims, t, Spacing.UNIT, 200 + t.ordinal());
                Path f = dir.resolve(t.label() + "-" + c + ".tif");
                VolumeIO.write(v, f, new WriteOptions(c, null), Progress.NONE);
                volumes.add(v);
                files.add(f.toString());
                modes.add(switch (t) {
                    case U8 -> "L";
                    case U16 -> "I;16 I";
                    case I32 -> "I";
                    default -> "F";
                });
            }
        }
        Path out = dir.resolve("pil");
        java.nio.file.Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of(out.toString()));
        args.addAll(files);
        List<String> lines = PythonPeer.run(PIL_DUMP, args.toArray(String[]::new)).lines().toList();
        assertEquals(files.size(), lines.size());
        for (int k = 0; k < files.size(); k++) {
            String[] f = lines.get(k).split(";");
            assertEquals("3,250,301", f[1], files.get(k));
            assertTrue(List.of(modes.get(k).split(" ")).contains(f[2]), files.get(k) + " read by Pillow as mode " + f[2]);
            VolumeAssert.assertValues(PythonPeer.readF64(out.resolve(k + ".f64")), volumes.get(k), files.get(k));
            volumes.get(k).close();
        }
    }

    @Test
    void weReadTifffileAndPillowFiles() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available("tifffile", "numpy"), PythonPeer.skipMessage("tifffile"));
        List<String> names = PythonPeer.run(MAKE, dir.toString()).lines().toList();
        Map<String, DataType> types = new HashMap<>(Map.of("int16", DataType.I32, "int16_pred", DataType.I32,
                "int8", DataType.I32, "int32", DataType.I32, "uint32", DataType.I32, "float64", DataType.F64,
                "bigendian_f32", DataType.F32, "tiled_zlib_f32", DataType.F32,
                "bigtiff_be_f64", DataType.F64));
        assertTrue(names.size() >= 19, "tifffile wrote " + names);
        for (String name : names) {
            Path tif = dir.resolve(name + ".tif");
            double[] expected = PythonPeer.readF64(dir.resolve(name + ".f64"));
            VolumeHeader h = VolumeIO.probe(tif.toString(), ReadOptions.DEFAULT);
            try (Volume v = VolumeIO.read(tif)) {
                DataType type = types.getOrDefault(name, name.contains("u16") ? DataType.U16 : DataType.U8);
                assertEquals(type, v.type(), name);
                assertEquals(h.dims(), v.dims(), name);
                VolumeAssert.assertValues(expected, v, name);
                if (name.equals("imagej_u8")) {
                    assertEquals(new Dims(22, 20, 6), v.dims());
                    TiffRoundTripTest.assertSpacing(new Spacing(0.5, 0.5, 2.0), v.spacing());
                    assertTrue(h.spacingKnown());
                } else {
                    assertEquals(Spacing.UNIT, v.spacing(), name + ": tifffile's default resolution is uncalibrated");
                    assertFalse(h.spacingKnown(), name);
                }
            }
        }
    }
}
