package org.tomolyte.io.tiff;

import org.tomolyte.core.NaturalOrder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.Progress;
import org.tomolyte.core.Volume;
import org.tomolyte.io.VolumeHeader;

/**
 * A z stack made of the pages of one TIFF file, or of the pages of every {@code .tif}/{@code .tiff}
 * file in a folder taken in natural name order ({@link NaturalOrder}). Page k of the stack is
 * slice z = k. All pages must have the same size and sample kind. Opening reads only the image
 * file directories.
 *
 * @param path        the file or folder
 * @param files       the files, in stack order
 * @param slices      every page, in stack order
 * @param calibration voxel size, from the first page of the first file
 */
record TiffStack(Path path, List<TiffFile> files, List<Slice> slices, TiffCalibration calibration) {

    /**
     * One page of the stack.
     *
     * @param file the file holding the page
     * @param page the page
     */
    record Slice(TiffFile file, TiffPage page) {
    }

    /** True for a name ending in .tif or .tiff (any case) that is not hidden. */
    static boolean isTiffName(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".tif") || n.endsWith(".tiff"));
    }

    /** The .tif/.tiff regular files of {@code dir}, in natural name order. */
    static List<Path> listTiffs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> isTiffName(p) && Files.isRegularFile(p))
                    .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens a TIFF file or a folder of TIFF files and checks that all pages agree.
     *
     * @throws InputException naming the file and page that differs, or that cannot be read
     */
    static TiffStack open(Path path) {
        List<Path> paths;
        if (Files.isDirectory(path)) {
            paths = listTiffs(path);
            if (paths.isEmpty()) {
                throw new InputException(path + ": expected .tif/.tiff files in the folder, found none");
            }
        } else {
            paths = List.of(path);
        }
        List<TiffFile> files = new ArrayList<>();
        List<Slice> slices = new ArrayList<>();
        for (Path p : paths) {
            TiffFile f = TiffFile.open(p);
            files.add(f);
            for (TiffPage page : f.pages()) {
                slices.add(new Slice(f, page));
            }
        }
        Slice first = slices.getFirst();
        for (Slice s : slices) {
            TiffPage a = first.page();
            TiffPage b = s.page();
            if (a.width() != b.width() || a.height() != b.height() || a.kind() != b.kind()) {
                String like = first.file() == s.file() ? "page 0" : first.file().path().getFileName() + " page 0";
                throw new InputException(s.file().path() + ": page " + b.index() + " is " + b.shape()
                        + ", expected " + a.shape() + " like " + like + " (all slices of a stack must match)");
            }
        }
        if (slices.size() > Integer.MAX_VALUE - 8) {
            throw new InputException(path + ": expected fewer than 2^31 pages, found " + slices.size());
        }
        return new TiffStack(path, List.copyOf(files), List.copyOf(slices), TiffCalibration.of(first.page(), first.file().path()));
    }

    /** Size of the stack: page width x page height x number of pages. */
    Dims dims() {
        TiffPage p = slices.getFirst().page();
        return new Dims(p.width(), p.height(), slices.size());
    }

    /** Size, type, calibration and encoding, e.g. {@code 256 pages, deflate, little-endian, strips}. */
    VolumeHeader header() {
        TiffFile f = files.getFirst();
        TiffPage p = slices.getFirst().page();
        String detail = (files.size() > 1 ? files.size() + " files, " : "") + slices.size() + " pages, "
                + p.kind() + ", " + p.compression().label() + (p.predictor() == 2 ? " + predictor" : "") + ", "
                + (f.order() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian")
                + (f.bigTiff() ? ", BigTIFF" : "") + ", " + (p.tiled() ? "tiles" : "strips");
        return new VolumeHeader(dims(), p.kind().type(), calibration.spacing(), calibration.known(), "tiff", detail);
    }

    /**
     * Decodes every page into a new volume, pages in parallel (each page writes only its own
     * slice, so the result does not depend on the thread count). Advances {@code progress} by one
     * per page.
     */
    Volume read(Progress progress) {
        Dims dims = dims();
        Volume volume = Volume.allocate(dims, slices.getFirst().page().kind().type(), calibration.spacing());
        try {
            Parallel.forEach(dims.nz(), z -> {
                Slice s = slices.get(z);
                try (FileChannel ch = FileChannel.open(s.file().path(), StandardOpenOption.READ)) {
                    s.file().decode(ch, s.page(), volume, z);
                } catch (IOException e) {
                    throw new InputException(s.file().path() + ": cannot read page " + s.page().index()
                            + " (" + e.getMessage() + ")", e);
                }
            }, progress);
            return volume;
        } catch (RuntimeException | Error e) {
            volume.close();
            throw e;
        }
    }
}
