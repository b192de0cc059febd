package dev.concbench.server;

import dev.concbench.loop.Uninterruptibly;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The delay server in a child JVM (same JDK, same class path), so a benchmark's load never shares
 * the server's loop or heap.
 *
 * <p>Lifecycle: {@link #start} returns once the child printed its address (the server is accepting);
 * {@link #close()} stops it and waits for it to exit. The child also exits by itself when its stdin
 * closes, which happens when this JVM dies however it dies, so no orphan survives the parent.
 * Thread-safe.
 *
 * <p>{@code {@code
 * try (DelayServerProcess server = DelayServerProcess.start(List.of())) {
 *     InetSocketAddress address = server.address();
 * }
 * }}
 */
public final class DelayServerProcess implements AutoCloseable {

    /** How long the child may take to start and print its address. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #close()} waits for a polite exit before killing the child. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final InetSocketAddress address;

    private DelayServerProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts a delay server on 127.0.0.1 and an ephemeral port in a child JVM.
     *
     * @param jvmArgs extra JVM options for the child, e.g. {@code -Xmx256m}
     * @throws IOException when the child cannot be started or does not report its address in time
     */
    public static DelayServerProcess start(List<String> jvmArgs) throws IOException {
        return start(ServerImpl.LOOP, jvmArgs);
    }

    /**
     * Starts {@code impl} on 127.0.0.1 and an ephemeral port in a child JVM.
     *
     * @param jvmArgs extra JVM options for the child, e.g. {@code -Xmx256m}
     * @throws IOException when the child cannot be started or does not report its address in time
     */
    public static DelayServerProcess start(ServerImpl impl, List<String> jvmArgs) throws IOException {
        return start(impl, jvmArgs, Placement.LOOPBACK);
    }

    /**
     * Where a server child runs: the command that launches its JVM (empty for directly, or e.g.
     * {@code ip netns exec NAME} for a network namespace) and the address it binds. A run hands it
     * to benchmark forks as two system properties ({@link #forkArgs()}), so a fork that starts its
     * own server puts it where the run's server is.
     *
     * @param launcher the command prefix, e.g. {@code [ip, netns, exec, concbench-42-0]}; no element contains a space
     * @param host     the address to bind, e.g. {@code 127.0.0.1}
     */
    public record Placement(List<String> launcher, String host) {

        /** Directly, on 127.0.0.1. */
        public static final Placement LOOPBACK = new Placement(List.of(), "127.0.0.1");
        static final String LAUNCHER_PROPERTY = "concbench.serverLauncher";
        static final String HOST_PROPERTY = "concbench.serverHost";

        public Placement {
            launcher = List.copyOf(launcher);
        }

        /** The placement a run gave this fork, or {@link #LOOPBACK}. */
        public static Placement fromSystemProperties() {
            String host = System.getProperty(HOST_PROPERTY);
            if (host == null || host.isBlank()) {
                return LOOPBACK;
            }
            String launcher = System.getProperty(LAUNCHER_PROPERTY, "").strip();
            return new Placement(launcher.isEmpty() ? List.of() : List.of(launcher.split(" ")), host);
        }

        /** The fork JVM arguments {@link #fromSystemProperties()} reads back. */
        public List<String> forkArgs() {
            return List.of("-D" + LAUNCHER_PROPERTY + "=" + String.join(" ", launcher), "-D" + HOST_PROPERTY + "=" + host);
        }
    }

    /**
     * Starts {@code impl} where {@code placement} says, on an ephemeral port, in a child JVM.
     *
     * @param jvmArgs extra JVM options for the child, e.g. {@code -Xmx256m}
     * @throws IOException when the child cannot be started or does not report its address in time
     */
    public static DelayServerProcess start(ServerImpl impl, List<String> jvmArgs, Placement placement) throws IOException {
        List<String> command = new ArrayList<>(placement.launcher());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DelayServerMain.class.getName());
        command.add("--host");
        command.add(placement.host());
        command.add("--port");
        command.add("0");
        command.add("--impl");
        command.add(impl.id());
        command.add(DelayServerMain.EXIT_ON_STDIN_EOF);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            return new DelayServerProcess(process, readAddress(process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Starts a delay server with no extra JVM options. */
    public static DelayServerProcess start() throws IOException {
        return start(List.of());
    }

    private static InetSocketAddress readAddress(Process process) throws IOException {
        // a one-shot reader thread: it ends when the line arrives or, on timeout, when the killed
        // child's stdout reaches end-of-file
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofPlatform().name("delay-server-address-reader").daemon().start(() -> {
            try {
                line.complete(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine());
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        });
        String text;
        try {
            text = line.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("delay server child did not report its address within " + START_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("reading the delay server child's address", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the delay server child", e);
        }
        if (text == null) {
            throw new IOException("delay server child exited before reporting its address (see its stderr above)");
        }
        return DelayServerMain.parseAddressLine(text);
    }

    /** Where the server listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the child: closes its stdin (it exits by itself), then kills it if it has not exited
     * within {@link #STOP_GRACE}; returns once it is gone. Idempotent.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (IOException e) {
            // its stdin is already gone: the child is exiting or dead; the kill below makes sure
        } catch (InterruptedException e) {
            // keep the interrupt: the child must still be killed and reaped, and the wait below restores it
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        Uninterruptibly.await(process::waitFor);
    }
}
