package org.tomolyte.cli;

import java.io.PrintWriter;
import org.tomolyte.core.TomolyteException;
import org.tomolyte.pipeline.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code tomolyte} command. Exit codes: 0 done, 2 bad input or usage (one line on stderr),
 * 1 internal fault. {@code --debug} shows stack traces.
 */
@Command(name = "tomolyte", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "3D imaging analysis for solid-state batteries: read, segment, measure, report.",
        subcommands = {InfoCommand.class, ConvertCommand.class, OpsCommand.class, RunCommand.class, DemoCommand.class, EchemCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        cl.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("tomolyte: " + e.getMessage().lines().findFirst().orElse("usage error")
                    + " (see tomolyte " + e.getCommandLine().getCommandName() + " --help)");
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // volumes live off-heap; what fills the Java heap is per-voxel work arrays (e.g. the tortuosity solver's 24 B/voxel)
            cl.getErr().println("tomolyte: out of Java heap memory (maximum " + Runtime.getRuntime().maxMemory() / (1L << 20)
                    + " MB): give the JVM more, e.g. TOMOLYTE_JAVA_OPTS=-Xmx16g, or crop the volume; steps finished so far are kept and a rerun resumes");
            cl.getErr().flush();
            return 2;
        }
    }

    static int report(Exception e, PrintWriter err) {
        if (GlobalOptions.debug) {
            e.printStackTrace(err);
        }
        if (e instanceof TomolyteException te) {
            err.println("tomolyte: " + oneLine(te.getMessage()));
            err.flush();
            return te.exitCode();
        }
        err.println("tomolyte: internal error: " + oneLine(String.valueOf(e)) + (GlobalOptions.debug ? "" : " (run with --debug for details)"));
        err.flush();
        return 1;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints version and commit. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tomolyte " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ", Java " + Runtime.version() + ")"};
        }
    }
}
