package dev.concbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The concbench command line: picks a {@link Command} by its first word and maps outcomes to exit
 * codes (0 ok, 1 regression or unevaluable claim, 2 bad usage or input, 3 run failed).
 */
public final class Main {

    static final String PROGRAM = "run-bench.sh";

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** The commands of the user-facing contract, in the order {@code --help} lists them. */
    static List<Command> contract() {
        return List.of(
                new RunCommand(ReportCommand::afterRun),
                new ReportCommand(),
                new CompareCommand(),
                new AbCommand(),
                new HistoryCommand(),
                new ListCommand(),
                new ExampleCommand(),
                new ServerCommand());
    }

    public static void main(String[] args) {
        ownTempDir();
        int code = new Main(contract()).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** The name of the temporary folder run-bench.sh gives each run, before the pid. */
    static final String RUN_TMP_PREFIX = "concbench-run-";

    /**
     * When run-bench.sh gave this JVM its own temporary folder ({@value #RUN_TMP_PREFIX}{@code <pid>}):
     * delete it on every exit (JMH's temp files and the worker pools' sockets are in it) and remove
     * those of earlier runs that were killed.
     */
    private static void ownTempDir() {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (tmp.getFileName() != null && tmp.getFileName().toString().equals(RUN_TMP_PREFIX + ProcessHandle.current().pid())
                && tmp.getParent() != null) {
            dev.concbench.process.PidTempDir.deleteOnExit(tmp);
            dev.concbench.process.PidTempDir.removeStale(tmp.getParent(), RUN_TMP_PREFIX);
        }
    }

    /** Runs one command line and returns its exit code; never throws for a user mistake. */
    int execute(String[] args) {
        try {
            return dispatch(args);
        } catch (UsageException e) {
            System.err.println(PROGRAM + ": " + e.getMessage());
            return 2;
        } catch (RunFailedException e) {
            System.err.println(PROGRAM + ": run failed: " + e.getMessage());
            return 3;
        } catch (java.nio.file.FileSystemException e) {
            // a disk that filled or vanished mid-way: the files written so far are complete (atomic writes)
            System.err.println(PROGRAM + ": cannot write " + e.getFile() + ": "
                    + dev.concbench.results.OutputPlace.reason(e));
            return 3;
        } catch (java.io.IOException e) {
            System.err.println(PROGRAM + ": I/O error: " + dev.concbench.results.OutputPlace.reason(e));
            return 3;
        } catch (Exception e) {
            System.err.println(PROGRAM + ": internal error: " + e);
            e.printStackTrace();
            return 3;
        }
    }

    /** The words in an option's help that allow giving it more than once. */
    static final String REPEATABLE = "(repeatable)";

    private int dispatch(String[] args) throws Exception {
        if (args.length == 0) {
            return runDefault();
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            printOverview();
            return 0;
        }
        Command command = commands.get(first);
        if (command == null) {
            throw new UsageException("unknown command '" + first + "' (expected one of "
                    + String.join(", ", commands.keySet()) + ", test, --help)");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this command's help").get());
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, rest);
        } catch (ParseException e) {
            throw new UsageException(command.name() + ": " + e.getMessage()
                    + " (see '" + PROGRAM + " " + command.name() + " --help')");
        }
        rejectRepeats(command, line);
        if (line.hasOption("help")) {
            printHelp(command, options);
            return 0;
        }
        if (first.equals("run") || first.equals("example")) {
            requireCoroutines();
        }
        return command.run(line);
    }

    /**
     * An option given more than once is a mistake unless its help says {@value #REPEATABLE}
     * ({@code --scenario}, {@code --model}, {@code --a-jvm-arg}, ...): {@code run --profile smoke --profile quick}
     * would otherwise run whichever commons-cli happens to return first.
     */
    private static void rejectRepeats(Command command, CommandLine line) {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (Option o : line.getOptions()) {
            if (o.hasArgs() || (o.getDescription() != null && o.getDescription().contains(REPEATABLE))) {
                continue;
            }
            String name = o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
            seen.computeIfAbsent(name, k -> new ArrayList<>()).add(o.getValue() == null ? "" : o.getValue());
        }
        seen.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new UsageException(command.name() + ": " + name + " given " + values.size() + " times"
                        + (values.get(0).isEmpty() ? "" : " ('" + String.join("', '", values) + "')")
                        + "; give it once");
            }
        });
    }

    /** Plain {@code run-bench.sh}: the quick profile, then the report; prints the report's path. */
    private int runDefault() throws Exception {
        requireCoroutines();
        Command run = commands.get("run");
        return run.run(new DefaultParser().parse(run.options(), new String[] {"--profile", "quick"}));
    }

    /** The examples and the coroutines model need the continuations flag (the jar's manifest gives it). */
    private static void requireCoroutines() {
        java.util.Optional<String> missing = dev.concbench.loop.Coroutine.unavailable();
        if (missing.isPresent()) {
            throw new UsageException(missing.get());
        }
    }

    private void printOverview() {
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("concbench: the asyncio-vs-threading table, executed on the JVM");
        out.println();
        out.println("usage: " + PROGRAM + " [COMMAND] [OPTIONS]");
        out.println();
        out.printf("  %-14s %s%n", "(none)", "quick profile: run every scenario, write the report, print its path");
        out.printf("  %-14s %s%n", "test", "build and run the whole test suite");
        commands.values().forEach(c -> out.printf("  %-14s %s%n", c.name(), c.summary()));
        out.println();
        out.println("'" + PROGRAM + " COMMAND --help' shows a command's options.");
        out.println("exit codes: 0 ok, 1 regression or unevaluable claim, 2 bad usage or input, 3 run failed");
    }

    private static void printHelp(Command command, Options options) {
        org.apache.commons.cli.help.HelpFormatter formatter = new AlignedHelp();
        try {
            formatter.printHelp(PROGRAM + " " + command.usage(), command.summary(), options, null, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Commons CLI's help with every wrapped description line starting in the description's column:
     * its default hanging indent of one is dropped on a wrapped line that fills the column exactly
     * (the {@code --db} line was one column left of its neighbours), so no indent at all.
     */
    private static final class AlignedHelp extends org.apache.commons.cli.help.HelpFormatter {

        AlignedHelp() {
            super(org.apache.commons.cli.help.HelpFormatter.builder().setShowSince(false));
        }

        @Override
        public org.apache.commons.cli.help.TableDefinition getTableDefinition(Iterable<org.apache.commons.cli.Option> options) {
            org.apache.commons.cli.help.TableDefinition table = super.getTableDefinition(options);
            return org.apache.commons.cli.help.TableDefinition.from(table.caption(), table.columnTextStyles().stream()
                    .map(s -> org.apache.commons.cli.help.TextStyle.builder().setTextStyle(s).setIndent(0).get()).toList(),
                    table.headers(), table.rows());
        }
    }
}
