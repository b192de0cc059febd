package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.server.DelayServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The delay server for a run, in its own process ({@link DelayServerProcess}), so the load
 * generator in a benchmark fork never shares its event loop. Started only when a planned scenario
 * needs it; forks learn its address from {@code -Dconcbench.server}. When it cannot start, the run
 * goes on without it and the benchmarks that need it fail, which lists them under {@code missing}
 * rather than inventing numbers.
 *
 * <p>Lifecycle: started by {@link #startIfNeeded}, stopped by {@link #close()} (and, on Ctrl-C, by
 * the run's shutdown hook, which kills every descendant; the server also exits when its parent dies).
 */
final class DelayServerHost implements AutoCloseable {

    private final DelayServerProcess server;

    private DelayServerHost(DelayServerProcess server) {
        this.server = server;
    }

    /** Starts the server when an item of {@code plan} needs it; otherwise (or when it fails) a host without one. */
    static DelayServerHost startIfNeeded(Planner.Plan plan, boolean pythonNeedsIt, PrintStream log) {
        if (!pythonNeedsIt && plan.items().stream().noneMatch(i -> i.scenario().server())) {
            return new DelayServerHost(null);
        }
        try {
            return new DelayServerHost(DelayServerProcess.start(List.of()));
        } catch (IOException e) {
            log.println("run-bench.sh: the delay server did not start (" + e.getMessage()
                    + "); scenarios that need it will be listed as missing");
            return new DelayServerHost(null);
        }
    }

    /** The fork JVM argument that gives benchmarks the server's address, if a server runs. */
    Optional<String> forkArg() {
        if (server == null) {
            return Optional.empty();
        }
        InetSocketAddress a = server.address();
        return Optional.of("-D" + BenchmarkCatalog.SERVER_PROPERTY + "=" + a.getHostString() + ":" + a.getPort());
    }

    /** The server's address, if a server runs. */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(server).map(DelayServerProcess::address);
    }

    /** Stops the server and waits for its process to end. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
