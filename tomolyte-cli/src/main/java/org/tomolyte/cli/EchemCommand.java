package org.tomolyte.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tomolyte.core.Table;
import org.tomolyte.echem.eclab.Canonical;
import org.tomolyte.echem.eclab.CsvMapping;
import org.tomolyte.echem.eclab.EchemData;
import org.tomolyte.echem.eclab.EchemFiles;
import org.tomolyte.echem.eclab.Tables;
import org.tomolyte.io.TableCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomolyte echem ...}: quick looks at electrochemistry files. */
@Command(name = "echem", description = "Electrochemistry files: quick looks (EC-Lab .mpr/.mpt, CSV).",
        subcommands = {EchemCommand.Show.class, CommandLine.HelpCommand.class})
final class EchemCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tomolyte echem show FILE [--csv OUT] [--map SPEC]}. */
    @Command(name = "show", description = "Technique, columns with units, rows and cycles of an EC-Lab .mpr/.mpt or CSV file; "
            + "--csv writes the parsed table, one column per EC-Lab column named as EC-Lab names it.")
    static final class Show implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "EC-Lab .mpr or .mpt, or a .csv/.tsv/.txt table.")
        Path file;

        @Option(names = "--csv", paramLabel = "OUT", description = "Write the parsed table as CSV (UTF-8, comma separated).")
        Path csv;

        @Option(names = "--map", paramLabel = "SPEC", description = "For a generic CSV: quantity=column[*scale],... with quantities "
                + "time_s, Ewe_V, I_mA, Q_mAh, cycle, half_cycle, freq_Hz, Re_Z_Ohm, minus_Im_Z_Ohm; the table becomes the canonical view.")
        String map;

        @Mixin
        GlobalOptions global;

        @Override
        public Integer call() {
            EchemData d = map == null ? EchemFiles.read(file) : EchemFiles.readCsv(file, CsvMapping.parse(map));
            Table t = d.table();
            var out = Cli.out();
            out.printf("file        %s%n", file);
            out.printf("format      %s%n", d.format());
            out.printf("technique   %s%n", d.technique());
            out.printf("rows        %d%n", t.rowCount());
            int cycles = d.cycles();
            out.printf("cycles      %s%n", cycles == 0 ? "no cycle column" : Integer.toString(cycles));
            d.info().forEach((k, v) -> {
                if (k.equals("loop starts") || k.equals("modules") || k.equals("data module version")) {
                    out.printf("%-11s %s%n", k, v);
                }
            });
            out.printf("columns     %d%n", t.columns().size());
            for (Table.Column c : t.columns()) {
                out.printf("  %-32s %-8s %s%n", c.name(), c.unit().isEmpty() ? "-" : c.unit(), c.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            out.printf("canonical   %s%n", String.join(", ", Tables.names(Canonical.view(t, "echem"))));
            for (String n : d.notes()) {
                out.printf("note        %s%n", n);
            }
            if (csv != null) {
                TableCsv.write(t, csv);
                out.printf("wrote       %s%n", csv);
            }
            out.flush();
            return 0;
        }
    }
}
