package dev.concbench.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The delay server for a run, in its own process ({@code run-bench.sh server --port N} from this
 * build's classpath), so the load generator in a benchmark fork never shares its event loop. Started
 * only when a planned scenario needs it; forks learn its address from {@code -Dconcbench.server}.
 * When it cannot start, the run goes on without it and the benchmarks that need it fail, which
 * lists them under {@code missing} rather than inventing numbers.
 *
 * <p>Lifecycle: started by {@link #startIfNeeded}, stopped by {@link #close()} (and, on Ctrl-C, by
 * the run's shutdown hook, which kills every descendant).
 */
final class DelayServerHost implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 15_000;

    private final Process process;
    private final InetSocketAddress address;

    private DelayServerHost(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts the server when an item of {@code plan} needs it; otherwise (or when it fails) a host without one. */
    static DelayServerHost startIfNeeded(Planner.Plan plan, PrintStream log) throws IOException {
        if (plan.items().stream().noneMatch(i -> i.scenario().server())) {
            return new DelayServerHost(null, null);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                "dev.concbench.cli.Main", "server", "--port", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(address, 200);
                return new DelayServerHost(p, address);
            } catch (IOException notYet) {
                sleepBriefly();
            }
        }
        String why = p.isAlive() ? "did not accept connections within " + START_TIMEOUT_MS + " ms"
                : "exited with code " + p.exitValue();
        p.destroyForcibly();
        log.println("run-bench.sh: the delay server " + why + "; scenarios that need it will be listed as missing");
        return new DelayServerHost(null, null);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fork JVM argument that gives benchmarks the server's address, if a server runs. */
    Optional<String> forkArg() {
        return address == null ? Optional.empty()
                : Optional.of("-D" + dev.concbench.bench.BenchmarkCatalog.SERVER_PROPERTY + "=" + address.getHostString() + ":" + address.getPort());
    }

    /** Stops the server and waits for its process to end. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
