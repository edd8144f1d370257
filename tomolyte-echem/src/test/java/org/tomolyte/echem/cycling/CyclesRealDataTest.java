package org.tomolyte.echem.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomolyte.core.Table;
import org.tomolyte.core.op.OpContext;
import org.tomolyte.core.op.OpInputs;
import org.tomolyte.core.op.OpResult;
import org.tomolyte.core.op.ParamBinder;
import org.tomolyte.echem.eclab.EchemFiles;

/**
 * {@code echem.cycles} on real EC-Lab cycling files (read from {@code ../shared/data/eclab_yadg/},
 * skipped when absent) against EC-Lab's own bookkeeping in the {@code .mpt} export: the non-zero
 * {@code Efficiency/%} values (one per completed cycle) and the largest {@code Q charge/mA.h} and
 * {@code Q discharge/mA.h} per cycle. The op integrates the current over time itself, so it agrees
 * with EC-Lab's charge counter to about 1e-7 relative (the stored current is single precision);
 * the tolerance is 1e-6 relative. ({@code ca.issue_149} is not a cycling record: its stored points
 * all have positive current, EC-Lab's discharge half cycles there fall between recorded points.)
 */
class CyclesRealDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"gcpl.issue_149"})
    void efficiencyAndCapacitiesMatchEcLab(String stem) {
        Path dir = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data"), "eclab_yadg");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(stem + ".mpr")), "shared data absent: " + dir);
        Table mpt = EchemFiles.read(dir.resolve(stem + ".mpt")).table();
        OpResult r = new CyclesOp().run(ParamBinder.bind(CyclesOp.Params.class, Map.of()),
                new OpInputs(Map.of("data", EchemFiles.read(dir.resolve(stem + ".mpr")).table())), OpContext.QUIET);
        Table cycles = (Table) r.outputs().get("cycles");
        List<Double> efficiency = new ArrayList<>();
        for (int row = 0; row < mpt.rowCount(); row++) {
            if (mpt.number(row, "Efficiency/%") != 0) {
                efficiency.add(mpt.number(row, "Efficiency/%"));
            }
        }
        assertEquals(efficiency.size(), cycles.rowCount(), "cycles with an EC-Lab efficiency");
        for (int k = 0; k < cycles.rowCount(); k++) {
            long cycle = (long) cycles.number(k, "cycle");
            double qc = 0;
            double qd = 0;
            for (int row = 0; row < mpt.rowCount(); row++) {
                if (mpt.number(row, "cycle number") == cycle) {
                    qc = Math.max(qc, mpt.number(row, "Q charge/mA.h"));
                    qd = Math.max(qd, mpt.number(row, "Q discharge/mA.h"));
                }
            }
            assertEquals(efficiency.get(k), 100 * cycles.number(k, "coulombic_efficiency"), 1e-6 * efficiency.get(k), stem + " cycle " + cycle);
            assertEquals(qc, cycles.number(k, "charge_mAh"), 1e-6 * qc, stem + " cycle " + cycle + " charge");
            assertEquals(qd, cycles.number(k, "discharge_mAh"), 1e-6 * qd, stem + " cycle " + cycle + " discharge");
        }
    }
}
