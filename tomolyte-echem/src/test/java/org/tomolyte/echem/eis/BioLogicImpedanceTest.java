package org.tomolyte.echem.eis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tomolyte.echem.eclab.Canonical;
import org.tomolyte.echem.eclab.EchemFiles;

/**
 * impedance.py's BioLogic fixture read end to end: the EC-Lab PEIS export parsed by our reader,
 * mapped to the canonical columns, must give the arrays impedance.py's own test asserts
 * (../shared/data/impedance_py/expected_exampleDataBioLogic_f_ReZ_ImZ.csv, Im = -(-Im(Z))).
 * The file prints 8 significant digits and impedance.py compares with np.allclose (rtol 1e-5),
 * so 1e-7 relative is the tolerance that still proves the same numbers were read.
 */
class BioLogicImpedanceTest {

    @Test
    void readsTheSameSpectrumAsImpedancePy() throws Exception {
        Path dir = Path.of(System.getProperty("tomolyte.shared.data", "../shared/data")).resolve("impedance_py");
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " not present: skipping real-data test");
        Spectrum s = Spectrum.of(Canonical.view(EchemFiles.read(dir.resolve("exampleDataBioLogic.mpt")).table(), "impedance"));
        List<String> rows = Files.readAllLines(dir.resolve("expected_exampleDataBioLogic_f_ReZ_ImZ.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertEquals(rows.size(), s.freqHz().length);
        assertEquals(43, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] v = rows.get(i).split(",");
            assertEquals(Double.parseDouble(v[0]), s.freqHz()[i], Math.abs(Double.parseDouble(v[0])) * 1e-7, "freq row " + i);
            assertEquals(Double.parseDouble(v[1]), s.re()[i], Math.abs(Double.parseDouble(v[1])) * 1e-7, "Re row " + i);
            assertEquals(Double.parseDouble(v[2]), -s.minusIm()[i], Math.abs(Double.parseDouble(v[2])) * 1e-7, "Im row " + i);
        }
    }
}
