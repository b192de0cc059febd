package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.bench.GivenServer;
import dev.concbench.server.DelayServerProcess;
import dev.concbench.server.DelayServerProcess.Placement;
import dev.concbench.server.ServerImpl;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server under test of one plan item, for a benchmark that measures a server in a JVM of its own
 * ({@link BenchmarkCatalog#itemServer}: the http-server scenario). Started before the item's forks and
 * handed to each ({@link GivenServer}), so a sweep's trials (one per rate) measure one server JVM that
 * the first trial's warm-up warmed, instead of each starting a cold server and warming it again; every
 * trial still runs the benchmark's warm-up rule (it warms the fork's own load generator too). Items of
 * other benchmarks get none. When the server cannot start, the forks start their own, as without a run.
 *
 * <p>Lifecycle: {@link #startFor} before the item, {@link #close()} after it (the run's shutdown hook
 * kills it on Ctrl-C, and the child exits by itself when the run's JVM dies). Run thread only.
 */
final class ItemServer implements AutoCloseable {

    private final DelayServerProcess process;
    private final GivenServer given;

    private ItemServer(DelayServerProcess process, GivenServer given) {
        this.process = process;
        this.given = given;
    }

    /**
     * Starts the server {@code item}'s model is measured as, where {@code placement} says, when the
     * item's benchmark measures one; otherwise (or when it fails to start, said through {@code note}) none.
     */
    static ItemServer startFor(PlanItem item, Placement placement, Consumer<String> note) {
        Optional<ServerImpl> impl = BenchmarkCatalog.itemServer(item.scenario().benchmarkClass(), item.model().name());
        if (impl.isEmpty()) {
            return new ItemServer(null, null);
        }
        try {
            DelayServerProcess process = DelayServerProcess.start(impl.get(), List.of(), placement);
            return new ItemServer(process, new GivenServer(impl.get(), process.address(), process.pid()));
        } catch (IOException e) {
            note.accept("run-bench.sh: " + item.label() + ": the " + impl.get().id() + " server did not start ("
                    + e.getMessage() + "); each fork starts its own");
            return new ItemServer(null, null);
        }
    }

    /** The server handed over, if one runs. */
    Optional<GivenServer> given() {
        return Optional.ofNullable(given);
    }

    /** The fork JVM arguments that hand the server to the item's forks; empty when none runs. */
    List<String> forkArgs() {
        return given == null ? List.of() : List.of(given.forkArg());
    }

    /** Stops the server, if one was started, and waits for its process to end. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
