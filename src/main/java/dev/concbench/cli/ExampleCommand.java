package dev.concbench.cli;

import dev.concbench.server.DelayServer;
import dev.concbench.server.ServerLimits;
import dev.concbench.workload.examples.ExampleRunner;
import dev.concbench.workload.examples.ExampleSettings;
import dev.concbench.workload.examples.Examples;
import dev.concbench.workload.examples.HttpServerStarter;
import dev.concbench.workload.examples.SeedExample;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code example NAME [--unit-ms N]} and {@code example --list}: runs one of the seed's example
 * programs on the event loop and prints what it prints, then {@code elapsed: <units> units (<ms> ms)}.
 *
 * <p>Like a JMH warm-up iteration, the example first runs once silently at {@link #WARMUP_UNIT}, so
 * the printed timing measures the loop rather than the JVM's class loading and JIT compilation
 * (tens of milliseconds, visible at the default 100 ms unit); {@code --no-warmup} skips it.
 */
final class ExampleCommand implements Command {

    /** The time scale of the silent warm-up run: short, yet it takes every code path once. */
    static final Duration WARMUP_UNIT = Duration.ofMillis(1);

    /** The scraper example's stand-in for httpbin.org: a delay server on 127.0.0.1, any free port. */
    private static final HttpServerStarter DELAY_SERVER = () -> {
        DelayServer server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.DEFAULT);
        return new HttpServerStarter.Running(server.address(), server::close);
    };

    private final PrintStream out;

    ExampleCommand(PrintStream out) {
        this.out = out;
    }

    ExampleCommand() {
        this(System.out);
    }

    @Override
    public String name() {
        return "example";
    }

    @Override
    public String usage() {
        return "example NAME [--unit-ms N] [--no-warmup] | example --list";
    }

    @Override
    public String summary() {
        return "run one of the seed's example programs on the event loop";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("unit-ms").hasArg().argName("N")
                        .desc("milliseconds per second of the seed (default "
                                + ExampleSettings.DEFAULT_UNIT.toMillis() + ")").get())
                .addOption(Option.builder().longOpt("list").desc("list the examples").get())
                .addOption(Option.builder().longOpt("no-warmup")
                        .desc("skip the silent warm-up run (the timing then includes JVM warm-up)").get());
    }

    @Override
    public int run(CommandLine line) {
        List<String> args = line.getArgList();
        if (line.hasOption("list")) {
            Examples.all().forEach(e -> out.printf("%-18s %s%n", e.name(), e.summary()));
            return 0;
        }
        if (args.size() != 1) {
            throw new UsageException("example: expected one example NAME (one of " + String.join(", ", Examples.names())
                    + "), got " + (args.isEmpty() ? "none" : args.size() + ": " + String.join(" ", args)));
        }
        Optional<SeedExample> example = Examples.find(args.get(0));
        if (example.isEmpty()) {
            throw new UsageException("example: unknown example '" + args.get(0) + "' (expected one of "
                    + String.join(", ", Examples.names()) + ")");
        }
        Duration unit = unit(line.getOptionValue("unit-ms"));
        if (!line.hasOption("no-warmup")) {
            warmUp(example.get());
        }
        try {
            ExampleRunner.run(example.get(), ExampleSettings.quiet(unit).withOut(out::println).withHttpServer(DELAY_SERVER));
        } catch (CompletionException e) {
            throw new RunFailedException("example " + args.get(0) + " failed: " + e.getCause(), e.getCause());
        }
        return 0;
    }

    /**
     * The silent warm-up run. Its outcome is not the program's: at a 1 ms unit a cold JVM can miss an
     * example's own deadlines (the scraper's total timeout is 30 units, 30 ms, and the first
     * coroutines, connections and HTTP parses of a fresh JVM take longer), so a failed warm-up is
     * ignored and the run that counts, at the user's unit, reports any failure of its own.
     */
    private static void warmUp(SeedExample example) {
        try {
            ExampleRunner.run(example, ExampleSettings.quiet(WARMUP_UNIT).withHttpServer(DELAY_SERVER));
        } catch (CompletionException e) {
            // warmed all the same: every code path up to the missed deadline ran once
        }
    }

    /** The longest time unit, in milliseconds: the examples wait a few units each, so a minute is ample. */
    static final long MAX_UNIT_MS = 60_000;

    private static Duration unit(String value) {
        if (value == null) {
            return ExampleSettings.DEFAULT_UNIT;
        }
        String rule = "example: --unit-ms must be an integer 1.." + MAX_UNIT_MS + " (milliseconds), got '" + value + "'";
        try {
            long ms = Long.parseLong(value.trim());
            if (ms <= 0 || ms > MAX_UNIT_MS) {
                throw new UsageException(rule);
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new UsageException(rule);
        }
    }
}
