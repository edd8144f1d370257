package org.tomolyte.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tomolyte demo}: the main job on built-in data. */
@Command(name = "demo", description = "Generate phantoms with known answers, run the example protocols on them, and compare.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tomolyte-demo", description = "Output folder (default: tomolyte-demo).")
    Path out;

    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        var console = Cli.out();
        Demo demo = new Demo(out, console, new ConsoleListener());
        List<Demo.Check> checks = demo.run();
        console.println();
        console.print(Demo.summary(checks));
        demo.notes().forEach(console::println);
        console.println();
        console.printf("done in %.1f s. Reports: %s/{pellet-porosity,pellet-cracks,cathode-phases,cell-voids,cell-operando,pellet-series,electrode-steps}/report.html; "
                + "data and truth.json in %s/data%n", (System.nanoTime() - t0) / 1e9, out, out);
        console.flush();
        return 0;
    }
}
