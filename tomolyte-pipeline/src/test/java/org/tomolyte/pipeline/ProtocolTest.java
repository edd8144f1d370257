package org.tomolyte.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.core.DataType;
import org.tomolyte.core.Dims;
import org.tomolyte.core.InputException;
import org.tomolyte.core.ParameterException;
import org.tomolyte.core.Spacing;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.core.Volume;
import org.tomolyte.core.op.DataSpec;
import org.tomolyte.io.VolumeIO;

class ProtocolTest {

    @TempDir
    Path dir;

    private Path scan() {
        Path f = dir.resolve("scan.tif");
        if (!Files.exists(f)) {
            try (Volume v = Volume.allocate(new Dims(20, 16, 12), DataType.U8, new Spacing(0.5, 0.5, 1.0))) {
                for (long i = 0; i < v.voxels(); i++) {
                    v.set(i, i % 3 == 0 ? 200 : 40);
                }
                VolumeIO.write(v, f);
            }
        }
        return f;
    }

    private Path protocol(String text) throws Exception {
        scan();
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, text);
        return p;
    }

    private static final String GOOD = """
            tomolyte: 1
            name: demo
            inputs:
              scan: {path: scan.tif, spacing_um: [0.7, 0.7, 0.7]}
            phases: {0: solid, 1: pore}
            steps:
              - id: pores
                op: threshold.global
                in: {image: scan}
                params: {method: otsu, select: below}
              - id: sub
                op: volume.crop
                in: {image: pores}
                params: {box: [0, 0, 0, 10, 8, 6]}
              - id: fractions
                op: phases.fractions
                in: {labels: sub}
            """;

    @Test
    void parsesAndPlansAProtocol() throws Exception {
        Protocol p = ProtocolParser.parse(protocol(GOOD));
        assertEquals("demo", p.name());
        assertEquals("pore", p.phases().name(1));
        assertEquals(3, p.steps().size());
        assertNull(p.steps().get(0).phases());
        Plan plan = Preflight.plan(p, Map.of(), null, OpRegistry.load());
        assertEquals(Spacing.isotropic(0.7), plan.inputs().get(0).volumeSpec().spacing(), "protocol spacing overrides the file's");
        DataSpec.VolumeSpec sub = (DataSpec.VolumeSpec) plan.steps().get(1).outputs().get("image");
        assertEquals(new Dims(10, 8, 6), sub.dims());
        assertEquals(DataType.U8, sub.type());
        assertEquals(new Plan.Ref("sub", "image"), plan.steps().get(2).inputs().get("labels"));
    }

    @Test
    void structuralErrorsNameTheFileAndThePlace() throws Exception {
        expect(ParameterException.class, GOOD.replace("tomolyte: 1", "tomolyte: 2"), "expected 'tomolyte: 1'");
        expect(ParameterException.class, GOOD.replace("    params: {method: otsu", "    parms: {method: otsu"),
                "steps[0] (id pores): unknown key 'parms'");
        expect(ParameterException.class, GOOD.replace("id: sub", "id: pores"), "id 'pores' is already used");
        expect(InputException.class, GOOD.replace("in: {image: scan}\n    params: {method", "in: {image: [scan}\n    params: {method"),
                "not valid YAML at line");
        expect(ParameterException.class, GOOD.replace("phases: {0: solid, 1: pore}", "phases: {zero: solid}"),
                "phases: keys must be label values");
    }

    @Test
    void preflightCatchesTyposBeforeAnyComputing() throws Exception {
        expectPlan(ParameterException.class, GOOD.replace("op: threshold.global", "op: threshold.globl"),
                "step 'pores' (threshold.globl): unknown op 'threshold.globl'; did you mean 'threshold.global'?");
        expectPlan(ParameterException.class, GOOD.replace("{method: otsu, select: below}", "{method: otsu, select: under}"),
                "step 'pores' (threshold.global): select must be one of above|below, got 'under'");
        expectPlan(ParameterException.class, GOOD.replace("[0, 0, 0, 10, 8, 6]", "[0, 0, 0, 30, 8, 6]"),
                "box 0,0,0,30,8,6 does not fit in the 20x16x12 input");
        expectPlan(ParameterException.class, GOOD.replace("in: {labels: sub}", "in: {labels: subb}"),
                "'subb' is neither an input nor an earlier step; available: scan, pores, sub");
        expectPlan(ParameterException.class, GOOD.replace("in: {labels: sub}", "in: {image: sub}"),
                "unknown input 'image'; this op takes labels");
        expectPlan(ParameterException.class, GOOD.replace("in: {labels: sub}", "in: {labels: sub.mask}"),
                "step 'sub' has no output 'mask'; its outputs: image");
        expectPlan(InputException.class, GOOD.replace("path: scan.tif", "path: missing.tif"), "missing.tif: no such file");
    }

    @Test
    void commandLineInputsMustExistInTheProtocol() throws Exception {
        Protocol p = ProtocolParser.parse(protocol(GOOD));
        ParameterException e = assertThrows(ParameterException.class,
                () -> Series.items(p, Map.of("scna", List.of(scan().toString()))));
        assertTrue(e.getMessage().contains("the protocol has no input 'scna'; its inputs: scan"), e.getMessage());
    }

    @Test
    void naturalOrderSortsNumbersByValue() {
        List<String> names = new java.util.ArrayList<>(List.of("t10.tif", "t2.tif", "t1.tif", "t02b.tif"));
        names.sort(org.tomolyte.core.NaturalOrder.INSTANCE);
        assertEquals(List.of("t1.tif", "t2.tif", "t02b.tif", "t10.tif"), names);
    }

    private void expect(Class<? extends TomolyteException> type, String text, String fragment) throws Exception {
        Path p = protocol(text);
        TomolyteException e = assertThrows(type, () -> ProtocolParser.parse(p));
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("p.yaml"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    private void expectPlan(Class<? extends TomolyteException> type, String text, String fragment) throws Exception {
        Path p = protocol(text);
        TomolyteException e = assertThrows(type, () -> Preflight.plan(ProtocolParser.parse(p), Map.of(), null, OpRegistry.load()));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }
}
