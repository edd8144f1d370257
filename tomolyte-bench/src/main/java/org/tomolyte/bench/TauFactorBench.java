package org.tomolyte.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tomolyte.core.InputException;
import org.tomolyte.core.Parallel;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.analysis.transport.TortuosityOp;
import org.tomolyte.analysis.transport.TortuosityParams;
import org.tomolyte.io.VolumeIO;

/**
 * Tortuosity ({@code tortuosity.factor}) on TauFactor's reference volumes (../shared/data/taufactor):
 * {@code electrode} = electrode.tiff, 256^3, pore phase (label 0) along z and y, voxel 100/256 um
 * (TauFactor: 2.0776 along numpy axis 0 = z, 2.0766 along axis 1 = y); {@code tf500} = the 500^3 benchmark of the TauFactor 2 paper, phase 255
 * along z, y and x (unzipped to a temporary folder, deleted afterwards). Prints one line per
 * run: seconds of the op (labelling, solve, fluxes), iterations, tortuosity, D_eff/D0, and the
 * JVM's peak resident memory so far ({@code VmHWM}).
 *
 * <p>Arguments: {@code [--data DIR] [--threads N] [--cases electrode,tf500]}.
 */
public final class TauFactorBench {

    private TauFactorBench() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data/taufactor");
        int threads = Parallel.threads();
        List<String> cases = List.of("electrode", "tf500");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--cases" -> cases = List.of(args[i + 1].split(","));
                default -> throw new ParameterException("unknown argument '" + args[i] + "' (--data DIR, --threads N, --cases electrode,tf500)");
            }
        }
        Parallel.setThreads(threads);
        System.out.println("case | axis | voxels | phase fraction | seconds | iterations | tortuosity | D_eff/D0 | residual | peak RSS MiB");
        for (String c : cases) {
            switch (c.trim()) {
                case "electrode" -> {
                    try (Volume v = VolumeIO.read(data.resolve("electrode.tiff")).withSpacing(Spacing.isotropic(100.0 / 256))) {
                        run("electrode 256^3 pores", v, 0, "z");
                        run("electrode 256^3 pores", v, 0, "y");
                    }
                }
                case "tf500" -> {
                    Path dir = Files.createTempDirectory("tomolyte-tf500");
                    try {
                        Path tif = unzipTiff(data.resolve("TF-500x500x500-1x2x6-v3.tiff.zip"), dir);
                        try (Volume v = VolumeIO.read(tif)) {
                            for (String axis : List.of("z", "y", "x")) {
                                run("TF-500 phase 255", v, 255, axis);
                            }
                        }
                    } finally {
                        try (var s = Files.list(dir)) {
                            for (Path p : s.toList()) {
                                Files.delete(p);
                            }
                        }
                        Files.delete(dir);
                    }
                }
                default -> throw new ParameterException("unknown case '" + c + "' (electrode, tf500)");
            }
        }
    }

    private static void run(String name, Volume v, int phase, String axis) {
        TortuosityParams p = ParamBinder.bind(TortuosityParams.class, Map.of("phase", phase, "axis", axis));
        long t0 = System.nanoTime();
        OpResult r = new TortuosityOp().run(p, new OpInputs(Map.of("labels", v)), OpContext.QUIET);
        double s = (System.nanoTime() - t0) * 1e-9;
        Map<String, Object> m = r.metrics().toMap();
        System.out.printf(Locale.ROOT, "%s | %s | %d | %.4f | %.1f | %s | %.4f | %.4f | %.1e | %d%n", name, axis, v.voxels(),
                (double) m.get("porosity"), s, m.get("iterations"), (double) m.get("tortuosity"), (double) m.get("effective_diffusivity"),
                (double) m.get("residual"), CaseMain.statusKib("VmHWM") / 1024);
    }

    /** Extracts the zip's .tif/.tiff entry (not the __MACOSX metadata) into {@code dir}. */
    static Path unzipTiff(Path zip, Path dir) {
        List<Path> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String n = e.getName();
                if (e.isDirectory() || n.startsWith("__MACOSX") || !(n.endsWith(".tif") || n.endsWith(".tiff"))) {
                    continue;
                }
                Path target = dir.resolve(Path.of(n).getFileName().toString());
                Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zip, e);
        }
        if (out.size() != 1) {
            throw new InputException(zip + ": expected one TIFF inside, found " + out.size());
        }
        return out.getFirst();
    }
}
