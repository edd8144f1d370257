package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.MemoryBudget;
import org.tomolyte.core.ParameterException;
import org.tomolyte.pipeline.OpRegistry;

class CaseExecutionTest {

    private static final OpRegistry REGISTRY = OpRegistry.load();

    private static Case fake(String op, Map<String, Object> params) {
        return new Case("fake", "", InputKind.GREY, List.of(), List.of(Step.of(op, params)),
                List.of(Peer.python("numpy", "", "r = a", Double.NaN)), Double.NaN);
    }

    @Test
    void missingOpsAreListedInOrder() {
        Case c = new Case("fake", "", InputKind.PORES, List.of(Step.of("no.such.setup")),
                List.of(Step.of("threshold.global", Map.of("method", "otsu")), Step.of("no.such.op")), List.of(), Double.NaN);
        assertEquals(List.of("no.such.setup", "no.such.op"), CaseExecution.missingOps(REGISTRY, c));
        assertEquals(List.of(), CaseExecution.missingOps(REGISTRY, Cases.byName("otsu")));
    }

    @Test
    void aCaseWithAMissingOpIsNotAvailable() {
        try (BenchPhantom.Data d = BenchPhantom.generate(new Dims(24, 24, 24), 1)) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> new CaseExecution(REGISTRY, fake("no.such.op", Map.of()), d.grey()));
            assertTrue(e.getMessage().contains("not available: op no.such.op not registered"), e.getMessage());
        }
    }

    @Test
    void aRefusedParameterNamesTheOp() {
        try (BenchPhantom.Data d = BenchPhantom.generate(new Dims(24, 24, 24), 1)) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> new CaseExecution(REGISTRY, fake("threshold.global", Map.of("method", "otsu", "sigma_um", 1)), d.grey()));
            assertTrue(e.getMessage().startsWith("op threshold.global: unknown parameter 'sigma_um'"), e.getMessage());
        }
    }

    @Test
    void runsTheCaseThroughTheRegistryAndFreesItsOutputs() {
        try (BenchPhantom.Data d = BenchPhantom.generate(new Dims(32, 32, 24), 1)) {
            long before = MemoryBudget.liveBytes();
            try (CaseExecution run = new CaseExecution(REGISTRY, Cases.byName("otsu"), d.grey())) {
                run.runOnce();
                run.runOnce();
                assertEquals(before, MemoryBudget.liveBytes(), "the timed outputs are freed after each run");
            }
            // a chain: Otsu of the grey, then the phase fractions of that mask
            Case chain = new Case("chain", "", InputKind.GREY, List.of(Step.of("threshold.global", Map.of("method", "otsu"))),
                    List.of(Step.of("volume.convert", Map.of("type", "u16")), Step.of("phases.fractions")), List.of(), Double.NaN);
            try (CaseExecution run = new CaseExecution(REGISTRY, chain, d.grey())) {
                run.runOnce();
            }
            assertEquals(before, MemoryBudget.liveBytes(), "setup outputs are freed on close");
        }
    }

    @Test
    void phantomMasksSplitTheGreyAtOtsu() {
        try (BenchPhantom.Data d = BenchPhantom.generate(new Dims(48, 40, 32), 3)) {
            long pores = 0;
            long solid = 0;
            for (long i = 0; i < d.grey().voxels(); i++) {
                pores += d.pores().getInt(i);
                solid += d.solid().getInt(i);
            }
            assertEquals(d.grey().voxels(), pores + solid);
            double porosity = (double) pores / d.grey().voxels();
            // the noise is many sigma below the grey gap, so Otsu recovers the true porosity closely
            assertEquals(d.porosity(), porosity, 0.01);
            assertTrue(d.porosity() > 0.005, "the scaled phantom has pores: " + d.porosity());
        }
    }
}
