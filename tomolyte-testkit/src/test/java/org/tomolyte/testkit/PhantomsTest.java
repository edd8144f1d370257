package org.tomolyte.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.core.DataType;

/** The demo defaults generate the documented sizes, types and phases. */
class PhantomsTest {

    @Test
    void defaultsHaveDocumentedShape() {
        try (Spheres.Phantom s = Phantoms.spheres(1)) {
            assertEquals(20, s.truth().spheres().size());
            assertEquals(DataType.I32, s.instances().type());
            VolumeAssert.assertFraction(s.labels(), 1, s.truth().foregroundFraction(), 0);
        }
        try (CrackedPellet.Phantom p = Phantoms.pellet(1)) {
            assertEquals(DataType.U16, p.grey().type());
            assertTrue(p.truth().porosity() > 0.02 && p.truth().porosity() < 0.15, "porosity " + p.truth().porosity());
            VolumeAssert.assertFraction(p.labels(), 2, (double) p.truth().crackVoxels() / p.labels().voxels(), 0);
        }
        List<SymmetricCell.Step> cell = Phantoms.cell(1, 2);
        try {
            assertEquals(2, cell.size());
            assertEquals(30, cell.get(0).truth().stripping().planeZ());
            assertEquals(70, cell.get(0).truth().plating().planeZ());
            assertEquals(DataType.U16, cell.get(0).grey().type());
        } finally {
            cell.forEach(SymmetricCell.Step::close);
        }
        try (Cathode.Phantom c = Phantoms.cathode(1)) {
            assertEquals(4, c.truth().phases().size());
            assertEquals(DataType.U8, c.grey().type());
        }
    }
}
