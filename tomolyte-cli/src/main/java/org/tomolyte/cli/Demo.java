package org.tomolyte.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomolyte.core.InternalException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.Volume;
import org.tomolyte.io.ReadOptions;
import org.tomolyte.io.VolumeIO;
import org.tomolyte.pipeline.Json;
import org.tomolyte.pipeline.OpRegistry;
import org.tomolyte.pipeline.Plan;
import org.tomolyte.pipeline.Protocol;
import org.tomolyte.pipeline.ProtocolParser;
import org.tomolyte.pipeline.RunListener;
import org.tomolyte.pipeline.Series;
import org.tomolyte.testkit.Cathode;
import org.tomolyte.testkit.CrackedPellet;
import org.tomolyte.testkit.OperandoCell;
import org.tomolyte.testkit.PelletSeries;
import org.tomolyte.testkit.StageDrift;
import org.tomolyte.testkit.Phantoms;
import org.tomolyte.testkit.SymmetricCell;

/**
 * The main job on built-in data: generates the test kit's phantoms (a cracked LPS pellet, a
 * four-phase cathode, a Li | LSPS | Li cell as a time series), writes them as calibrated TIFFs,
 * runs the example protocols shipped in {@code examples/} on them, and prints what was measured
 * next to the known answer.
 */
final class Demo {

    static final String[] PROTOCOLS = {"pellet-porosity.yaml", "pellet-cracks.yaml", "cathode-phases.yaml", "cell-voids.yaml",
        "cell-operando.yaml", "pellet-series.yaml", "electrode-steps.yaml"};
    private static final int PELLET_STEPS = 4;
    private static final long SEED = 2026;
    private static final int CELL_STEPS = 4;
    /** Scan times of the operando series, s (as in examples/cell-operando.yaml). */
    static final double[] OPERANDO_TIMES_S = {0, 900, 1800, 2700, 3600};
    /** Applied current density of the operando cell, mA/cm^2 (negative strips the bottom electrode). */
    static final double OPERANDO_CURRENT_MA_CM2 = -4;
    /** Half cycle of the operando cell, s. */
    static final double OPERANDO_HALF_CYCLE_S = 3600;
    /** Interphase conductivity used to simulate the operando cell's voltage, S/cm (the model fit must find it). */
    static final double OPERANDO_INTERPHASE_S_CM = 1e-5;

    private final Path out;
    private final PrintWriter console;
    private final RunListener listener;

    Demo(Path out, PrintWriter console, RunListener listener) {
        this.out = out;
        this.console = console;
        this.listener = listener;
    }

    /** Lines printed after the summary table: measurements without a directly comparable truth. */
    private final List<String> notes = new ArrayList<>();

    /** The notes collected by {@link #run()}. */
    List<String> notes() {
        return notes;
    }

    /** One line of the summary: a quantity measured by a protocol next to its true value. */
    record Check(String what, double measured, double truth, String unit) {
    }

    List<Check> run() {
        Path data = out.resolve("data");
        Path protocols = out.resolve("protocols");
        Map<String, Object> truth = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();
        console.println("generating phantoms in " + data + " ...");
        console.flush();
        double pelletPorosity;
        double crackVolumeUm3;
        try (CrackedPellet.Phantom p = Phantoms.pellet(SEED)) {
            VolumeIO.write(p.grey(), data.resolve("pellet-grey.tif"));
            VolumeIO.write(p.labels(), data.resolve("pellet-labels.tif"));
            pelletPorosity = p.truth().porosity();
            crackVolumeUm3 = p.truth().crackVolumeUm3();
            truth.put("pellet", Map.of("porosity", p.truth().porosity(), "pore_volume_um3", p.truth().poreVolumeUm3(),
                    "crack_volume_um3", p.truth().crackVolumeUm3(), "pore_count", p.truth().poreCount()));
        }
        Cathode.Truth cathode;
        try (Cathode.Phantom c = Phantoms.cathode(SEED)) {
            VolumeIO.write(c.grey(), data.resolve("cathode-grey.tif"));
            VolumeIO.write(c.labels(), data.resolve("cathode-labels.tif"));
            cathode = c.truth();
            Map<String, Object> fr = new LinkedHashMap<>();
            cathode.phases().forEach(ph -> fr.put(ph.name(), ph.fraction()));
            truth.put("cathode", Map.of("fractions", fr));
        }
        List<SymmetricCell.Truth> cell = new ArrayList<>();
        for (SymmetricCell.Step s : Phantoms.cell(SEED, CELL_STEPS)) {
            try (s) {
                VolumeIO.write(s.labels(), data.resolve("cell").resolve("labels-t" + s.index() + ".tif"));
                VolumeIO.write(s.grey(), data.resolve("cell").resolve("grey-t" + s.index() + ".tif"));
                cell.add(s.truth());
            }
        }
        List<Map<String, Object>> cellTruth = new ArrayList<>();
        double cellVoxelUm3 = Phantoms.cellConfig(CELL_STEPS).spacing().voxelVolumeUm3();
        for (SymmetricCell.Truth t : cell) {
            cellTruth.add(Map.of("step", t.step(), "stripping_void_volume_um3", t.stripping().voidVolumeUm3(),
                    "stripping_contact_fraction", t.stripping().contactFraction(), "plating_void_volume_um3", t.plating().voidVolumeUm3(),
                    "void_volume_um3", t.voidVoxels() * cellVoxelUm3));
        }
        truth.put("cell", cellTruth);
        List<OperandoCell.Truth> operando = operando(data.resolve("operando"));
        truth.put("operando", operando.stream().map(t -> Map.of("step", t.step(), "bottom_li_volume_um3", t.bottom().lithiumVolumeUm3(),
                "top_li_volume_um3", t.top().lithiumVolumeUm3(), "bottom_contact_fraction", t.bottom().contactFraction(),
                "bottom_void_volume_um3", t.bottom().voidVolumeUm3(), "interphase_volume_um3", t.interphaseVolumeUm3(),
                "stack_thickness_um", t.stackThicknessUm())).toList());
        List<PelletSeries.StepTruth> pelletSeries = new ArrayList<>();
        for (PelletSeries.Step s : Phantoms.pelletSeries(SEED, PELLET_STEPS)) {
            try (s) {
                VolumeIO.write(s.grey(), data.resolve("pellet-series").resolve("grey-t" + s.index() + ".tif"));
                pelletSeries.add(s.truth());
            }
        }
        truth.put("pellet_series", pelletSeries.stream().map(t -> Map.of("step", t.step(), "crack_count", t.crackCount(),
                "crack_volume_um3", t.crackVolumeUm3(), "porosity", t.porosity(), "interface_z_um", t.interfaceZUm())).toList());
        Json.write(data.resolve("truth.json"), truth);

        copyExamples(protocols);
        runProtocol(protocols.resolve("pellet-porosity.yaml"), Map.of("scan", List.of(data.resolve("pellet-grey.tif").toString())));
        runProtocol(protocols.resolve("pellet-cracks.yaml"), Map.of("scan", List.of(data.resolve("pellet-grey.tif").toString())));
        runProtocol(protocols.resolve("cathode-phases.yaml"), Map.of("grey", List.of(data.resolve("cathode-grey.tif").toString()),
                "labels", List.of(data.resolve("cathode-labels.tif").toString())));
        runProtocol(protocols.resolve("cell-voids.yaml"), Map.of("labels", List.of(data.resolve("cell").resolve("labels-t*.tif").toString())));
        Path ps = data.resolve("pellet-series");
        runProtocol(protocols.resolve("pellet-series.yaml"), Map.of("reference", List.of(ps.resolve("grey-t0.tif").toString()),
                "scan", List.of(ps.resolve("grey-t*.tif").toString())));
        Path op = data.resolve("operando");
        runProtocol(protocols.resolve("electrode-steps.yaml"), Map.of("scan", List.of(op.resolve("grey-t*.tif").toString())));
        runProtocol(protocols.resolve("cell-operando.yaml"), Map.of("reference", List.of(op.resolve("grey-t0.tif").toString()), "scan", List.of(op.resolve("grey-t*.tif").toString()),
                "labels", List.of(op.resolve("labels-t*.tif").toString()), "voltage", List.of(op.resolve("cell-voltage.csv").toString())));

        Map<String, Object> pellet = results("pellet-porosity");
        checks.add(new Check("pellet porosity (Otsu threshold)", number(pellet, "porosity", "pore", "fraction"), pelletPorosity, ""));
        Map<String, Object> cracks = results("pellet-cracks");
        notes.add(String.format(java.util.Locale.ROOT,
                "pellet cracks: %d component(s) kept of %d voids, %.0f um^3 (true crack volume %.0f um^3; pores a crack cuts through belong to its component)",
                (long) number(cracks, "cracks", "count"), (long) (number(cracks, "cracks", "count") + number(cracks, "cracks", "removed")),
                number(cracks, "crack-fraction", "phase_1", "volume_um3"), crackVolumeUm3));
        Map<String, Object> cat = results("cathode-phases");
        for (Cathode.PhaseTruth ph : cathode.phases()) {
            String name = ph.label() == Cathode.ACTIVE ? "nmc" : ph.name();
            checks.add(new Check("cathode " + name + " fraction (labels)", number(cat, "fractions", name, "fraction"), ph.fraction(), ""));
        }
        checks.add(new Check("cathode nmc fraction (Otsu on grey)", number(cat, "nmc-fraction", "nmc", "fraction"),
                cathode.phase(Cathode.ACTIVE).fraction(), ""));
        Map<String, Object> series = results("cell-voids");
        for (SymmetricCell.Truth t : cell) {
            Map<String, Object> item = asMap(series.get("labels-t" + t.step()));
            checks.add(new Check("cell t" + t.step() + " stripping void volume", number(item, "stripping", "void", "volume_um3"),
                    t.stripping().voidVolumeUm3(), "um^3"));
        }
        Map<String, Object> pr = results("pellet-series");
        for (PelletSeries.StepTruth t : pelletSeries) {
            Map<String, Object> item = asMap(pr.get("grey-t" + t.step()));
            checks.add(new Check("pellet series t" + t.step() + " crack count", number(item, "cracks", "crack_count"), t.crackCount(), ""));
            checks.add(new Check("pellet series t" + t.step() + " crack volume", number(item, "cracks", "crack_volume_um3"),
                    t.crackVolumeUm3(), "um^3"));
            checks.add(new Check("pellet series t" + t.step() + " porosity", number(item, "porosity", "porosity"), t.porosity(), ""));
        }
        checks.add(new Check("pellet series Li | electrolyte interface", number(asMap(pr.get("grey-t0")), "interface-map", "interface_um"),
                pelletSeries.get(0).interfaceZUm(), "um"));
        operandoChecks(operando, checks);
        electrodeStepChecks(operando, checks);
        return checks;
    }

    /**
     * Writes the operando cell series (grey and labels per scan) and a cell voltage record
     * simulated with the Butler-Volmer + ohmic model from the phantom's true contact fractions and
     * interphase thickness and a known interphase conductivity ({@code cell-voltage.csv}: time_s,
     * current_mA_cm2, voltage_V every 60 s over two half cycles).
     */
    private List<OperandoCell.Truth> operando(Path dir) {
        List<OperandoCell.Truth> truths = new ArrayList<>();
        for (OperandoCell.Step s : Phantoms.operandoCell(SEED, OPERANDO_TIMES_S.length)) {
            int[] d = operandoDrift(s.index());
            try (s; Volume grey = StageDrift.shift(s.grey(), d[0], d[1], d[2]);
                 Volume labels = StageDrift.shift(s.labels(), d[0], d[1], d[2])) {
                VolumeIO.write(grey, dir.resolve("grey-t" + s.index() + ".tif"));
                VolumeIO.write(labels, dir.resolve("labels-t" + s.index() + ".tif"));
                truths.add(s.truth());
            }
        }
        OperandoCell.Config cfg = Phantoms.operandoCellConfig(OPERANDO_TIMES_S.length);
        double section = cfg.dims().nx() * cfg.spacing().x() * cfg.dims().ny() * cfg.spacing().y();
        double[] top = truths.stream().mapToDouble(t -> t.top().contactFraction()).toArray();
        double[] bottom = truths.stream().mapToDouble(t -> t.bottom().contactFraction()).toArray();
        double[] interphase = truths.stream().mapToDouble(t -> t.interphaseVolumeUm3() / section).toArray();
        org.tomolyte.echem.model.ButlerVolmer bv = new org.tomolyte.echem.model.ButlerVolmer(0.5, 0.5, 1, 298.15);
        org.tomolyte.echem.model.SymmetricCell cell = new org.tomolyte.echem.model.SymmetricCell(68, 0.001);
        StringBuilder csv = new StringBuilder("time_s,current_mA_cm2,voltage_V\n");
        for (int t = 0; t <= 2 * OPERANDO_HALF_CYCLE_S; t += 60) {
            var state = org.tomolyte.echem.model.SymmetricCell.stateAt(t, OPERANDO_CURRENT_MA_CM2, OPERANDO_HALF_CYCLE_S, OPERANDO_TIMES_S,
                    top, bottom, interphase);
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.9f%n", t, state.currentMaCm2(), cell.voltage(bv, OPERANDO_INTERPHASE_S_CM, state).cellV()));
        }
        org.tomolyte.io.AtomicFiles.writeString(dir.resolve("cell-voltage.csv"), csv);
        return truths;
    }

    /**
     * The stage drift of operando scan {@code step} in voxels (x, y, z): every other scan is taken
     * one voxel further along x and one lower along z, as happens when a cell is re-mounted between
     * operando scans; the protocol's registration on the bottom collector must find it. (A drift
     * along y would be invisible there: the phantom's collector has no texture along y, the
     * aperture problem of any registration on a featureless part.) One voxel keeps the edge
     * columns that enter the field of view, which no scan saw, to a negligible share.
     */
    static int[] operandoDrift(int step) {
        return new int[] {step % 2, 0, -(step % 2)};
    }

    private void operandoChecks(List<OperandoCell.Truth> truths, List<Check> checks) {
        Map<String, Object> r = results("cell-operando");
        for (OperandoCell.Truth t : truths) {
            Map<String, Object> item = asMap(r.get("grey-t" + t.step()));
            checks.add(new Check("operando t" + t.step() + " bottom contact fraction", number(item, "bottom-contact", "contact_fraction"),
                    t.bottom().contactFraction(), ""));
            int[] drift = operandoDrift(t.step());
            Spacing sp = Phantoms.operandoCellConfig(OPERANDO_TIMES_S.length).spacing();
            double error = Math.sqrt(Math.pow(number(item, "aligned", "shift_x_um") - drift[0] * sp.x(), 2)
                    + Math.pow(number(item, "aligned", "shift_y_um") - drift[1] * sp.y(), 2)
                    + Math.pow(number(item, "aligned", "shift_z_um") - drift[2] * sp.z(), 2));
            notes.add(String.format(Locale.ROOT, "operando t%d: stage drift (%d, %d, %d) voxels found by registration within %.4f um; %d of %d DVC vectors valid",
                    t.step(), drift[0], drift[1], drift[2], error, (long) number(item, "motion", "valid_vectors"),
                    (long) number(item, "motion", "vectors")));
            if (t.step() == truths.size() - 1) {
                checks.add(new Check("operando t" + t.step() + " bottom Li volume", number(item, "bottom-li", "li_volume_um3"),
                        t.bottom().lithiumVolumeUm3(), "um^3"));
                checks.add(new Check("operando t" + t.step() + " bottom void volume", number(item, "bottom-voids", "void_volume_um3"),
                        t.bottom().voidVolumeUm3(), "um^3"));
                checks.add(new Check("operando t" + t.step() + " stack thickness", number(item, "positions", "stack_thickness_um"),
                        t.stackThicknessUm(), "um"));
            }
        }
        OperandoCell.Truth first = truths.get(0);
        OperandoCell.Truth last = truths.get(truths.size() - 1);
        double stripped = org.tomolyte.analysis.series.ElectrodeCharge.chargeC(last.bottom().lithiumVolumeUm3() - first.bottom().lithiumVolumeUm3());
        double area = asMap(r.get("grey-t0")).get("bottom-li") instanceof Map<?, ?> ? number(asMap(r.get("grey-t0")), "bottom-li", "analysed_area_um2") : 0;
        double applied = Math.abs(OPERANDO_CURRENT_MA_CM2) * (OPERANDO_TIMES_S[OPERANDO_TIMES_S.length - 1] - OPERANDO_TIMES_S[0]) * area * 1e-8 / 1000;
        Map<String, Object> summary = asMap(r.get(Series.SUMMARY));
        checks.add(new Check("operando stripping fraction of applied charge", number(summary, "charge", "stripping_fraction"),
                stripped / applied, ""));
        checks.add(new Check("operando fitted interphase conductivity", number(summary, "model", "interphase_conductivity_S_cm"),
                OPERANDO_INTERPHASE_S_CM, "S/cm"));
    }

    /** Paper 001's per-step electrode analysis on the operando series: transparent volume, thickness-based charge. */
    private void electrodeStepChecks(List<OperandoCell.Truth> truths, List<Check> checks) {
        Map<String, Object> r = results("electrode-steps");
        OperandoCell.Truth first = truths.get(0);
        OperandoCell.Truth last = truths.get(truths.size() - 1);
        checks.add(new Check("electrode steps t" + last.step() + " transparent volume (bulk pores)",
                number(asMap(r.get("grey-t" + last.step())), "bottom-voids", "bulk_pore_volume_um3")
                        + number(asMap(r.get("grey-t" + last.step())), "top-voids", "bulk_pore_volume_um3"), last.bulkPoreVolumeUm3(), "um^3"));
        double area = number(asMap(r.get("grey-t0")), "bottom-li", "analysed_area_um2");
        double stripped = org.tomolyte.analysis.series.ElectrodeCharge.chargeC(
                (last.bottom().lithiumThicknessUm() - first.bottom().lithiumThicknessUm()) * area);
        double plated = -org.tomolyte.analysis.series.ElectrodeCharge.chargeC(
                (last.top().lithiumThicknessUm() - first.top().lithiumThicknessUm()) * area);
        Map<String, Object> summary = asMap(r.get(Series.SUMMARY));
        checks.add(new Check("electrode steps stripped charge (thickness)", number(summary, "charge", "stripped_C"), stripped, "C"));
        checks.add(new Check("electrode steps plated charge (thickness)", number(summary, "charge", "plated_C"), plated, "C"));
    }

    private void runProtocol(Path protocol, Map<String, List<String>> inputs) {
        Protocol p = ProtocolParser.parse(protocol);
        String name = protocol.getFileName().toString().replace(".yaml", "");
        console.println("running " + protocol + " -> " + out.resolve(name));
        console.flush();
        List<Series.Item> items = Series.items(p, inputs);
        List<Plan> plans = Series.plan(p, items, ReadOptions.DEFAULT, OpRegistry.load());
        Series.run(items, plans, out.resolve(name), listener);
    }

    private Map<String, Object> results(String name) {
        return Json.read(out.resolve(name).resolve("results.json"));
    }

    private void copyExamples(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : PROTOCOLS) {
                try (InputStream in = Demo.class.getResourceAsStream("/examples/" + name)) {
                    if (in == null) {
                        throw new InternalException("example protocol " + name + " is missing from the build");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new InternalException(dir + ": cannot write example protocols (" + e.getMessage() + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new InternalException("demo results are missing an expected entry");
    }

    private static double number(Map<String, Object> m, String... path) {
        Object o = m;
        for (String k : path) {
            o = asMap(o).get(k);
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new InternalException("demo results have no number at " + String.join(".", path));
    }

    /** Formats the summary table. */
    static String summary(List<Check> checks) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-44s %14s %14s %10s%n", "quantity", "measured", "truth", "error"));
        for (Check c : checks) {
            double err = c.truth() == 0 ? c.measured() : (c.measured() - c.truth()) / c.truth();
            sb.append(String.format(Locale.ROOT, "%-44s %14.6g %14.6g %9.2f%%%s%n", c.what(), c.measured(), c.truth(), 100 * err,
                    c.unit().isEmpty() ? "" : "  " + c.unit()));
        }
        return sb.toString();
    }
}
