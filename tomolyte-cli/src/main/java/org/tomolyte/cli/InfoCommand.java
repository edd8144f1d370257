package org.tomolyte.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tomolyte.core.MemoryBudget;
import org.tomolyte.core.Volume;
import org.tomolyte.core.VolumeStats;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeHeader;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomolyte info FILE}: dims, type, voxel size, min/max/mean and size on disk. */
@Command(name = "info", description = "Describe a volume: dims, type, voxel size (um), min/max/mean, size on disk.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Volume file (.tif, .raw, .npy, .zarr, .h5; FILE.h5:/dataset for HDF5).")
    String file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        ReadOptions o = read.toOptions();
        VolumeHeader h = VolumeIO.probe(file, o);
        VolumeStats s;
        try (Volume v = VolumeIO.read(file, o, Cli.progress())) {
            s = VolumeStats.of(v, Cli.progress());
        }
        long bytes = diskSize(VolumeIO.Source.parse(file).file());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("format", h.format());
        m.put("dims", List.of(h.dims().nx(), h.dims().ny(), h.dims().nz()));
        m.put("voxels", h.dims().voxels());
        m.put("type", h.type().label());
        m.put("spacing_um", List.of(h.spacing().x(), h.spacing().y(), h.spacing().z()));
        m.put("spacing_known", h.spacingKnown());
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("mean", s.mean());
        m.put("nan_voxels", s.nans());
        m.put("size_on_disk_bytes", bytes);
        m.put("encoding", h.detail());
        if (json) {
            Cli.out().print(Json.text(m));
        } else {
            var out = Cli.out();
            out.printf("file         %s%n", file);
            out.printf("format       %s (%s)%n", h.format(), h.detail());
            out.printf("dims         %d x %d x %d (x, y, z) = %d voxels%n", h.dims().nx(), h.dims().ny(), h.dims().nz(), h.dims().voxels());
            out.printf("type         %s%n", h.type().label());
            out.printf("voxel size   %s, %s, %s um%s%n", h.spacing().x(), h.spacing().y(), h.spacing().z(),
                    h.spacingKnown() ? "" : " (not stated in the file; give --spacing)");
            out.printf("min/max/mean %s / %s / %s%n", s.min(), s.max(), s.mean());
            if (s.nans() > 0) {
                out.printf("NaN voxels   %d%n", s.nans());
            }
            out.printf("on disk      %s (%d bytes)%n", MemoryBudget.human(bytes), bytes);
        }
        Cli.out().flush();
        return 0;
    }

    private static long diskSize(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
