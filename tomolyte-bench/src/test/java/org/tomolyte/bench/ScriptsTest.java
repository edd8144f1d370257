package org.tomolyte.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomolyte.core.Dims;
import org.tomolyte.core.ParameterException;

class ScriptsTest {

    @Test
    void pythonScriptLoadsTheRawInputAndTimesTheIndentedBody() {
        Peer p = Peer.python("scipy", "from scipy import ndimage", "b = a > 3\nr = ndimage.label(b)", Double.NaN);
        String s = PythonScript.source(p);
        assertTrue(s.contains("a = np.fromfile(path, dtype=np.uint8).reshape(nz, ny, nx)\nfrom scipy import ndimage\n"), s);
        assertTrue(s.contains("def run():\n    b = a > 3\n    r = ndimage.label(b)\n    return r\n"), s);
        assertTrue(s.contains("print('seconds=' + ','.join('%.6f' % t for t in times))"), s);
        assertTrue(s.contains("resource.getrusage(resource.RUSAGE_SELF).ru_maxrss"), s);
        List<String> cmd = PythonScript.command(Path.of("s.py"), Path.of("grey.raw"), new Dims(4, 5, 6), 0.7, 3, 0);
        assertEquals(List.of("/usr/bin/python3", "s.py", "grey.raw", "4", "5", "6", "0.7", "0.7", "0.7", "3", "0"), cmd);
        assertThrows(ParameterException.class, () -> PythonScript.source(Peer.imagej("", "run(\"Invert\");", Double.NaN)));
    }

    @Test
    void imagejMacroDuplicatesAppliesSetupAndTimesTheBody() {
        Peer p = Cases.byName("gaussian").peers().get(1);
        String m = ImageJMacro.source(p);
        assertTrue(m.contains("image=8-bit width=\" + args[1]"), m);
        assertTrue(m.contains("run(\"32-bit\");\n    t0 = getTime();\n    run(\"Gaussian Blur 3D...\", \"x=1 y=1 z=1\");"), m);
        assertTrue(m.contains("print(\"seconds=\" + times);"), m);
        List<String> cmd = ImageJMacro.command(Path.of("m.ijm"), Path.of("rss"), Path.of("grey.raw"), new Dims(4, 5, 6), 3, 0, 2048);
        assertEquals(List.of("/usr/bin/xvfb-run", "-a"), cmd.subList(0, 2));
        assertEquals(List.of("/usr/bin/imagej", "-x", "2048", "-b", "m.ijm", "grey.raw|4|5|6|3|0"), cmd.subList(cmd.size() - 6, cmd.size()));
    }
}
