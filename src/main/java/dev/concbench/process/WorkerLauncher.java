package dev.concbench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a worker JVM is started and says hello: the command line (this JVM's JDK and classpath, the
 * configured flags, the AOT cache when there is one), the Unix-domain socket in a fresh temporary
 * directory and the {@link HelloAcceptor} on it. The {@link WorkerPool} decides when to start a
 * worker and what it runs; this class only starts it. Any thread.
 */
final class WorkerLauncher implements AutoCloseable {

    /** The name of every pool's socket folder in the temporary folder starts with this, then the pid. */
    static final String TEMP_PREFIX = "concbench-pool-";

    private final WorkerPoolConfig config;
    private final Path directory;
    private final Path socket;
    private final String java;
    private final String classpath;
    private final HelloAcceptor acceptor;
    /** Set before any worker starts (switched to the AOT cache by {@link #prepareAotCache}), then fixed. */
    private volatile List<String> command;

    WorkerLauncher(WorkerPoolConfig config) throws IOException {
        this.config = config;
        this.directory = PidTempDir.create(TEMP_PREFIX);
        this.socket = directory.resolve("pool.sock");
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = System.getProperty("java.class.path");
        this.command = command(List.of());
        this.acceptor = new HelloAcceptor(socket);
    }

    /** The full command line a worker is started with (JVM, flags, classpath, main class, socket). */
    List<String> command() {
        return command;
    }

    /** The worker command line with {@code extraFlags} after the configured ones. */
    List<String> command(List<String> extraFlags) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(config.jvmFlags());
        line.addAll(extraFlags);
        line.add("-cp");
        line.add(classpath);
        line.add(WorkerMain.class.getName());
        line.add(socket.toString());
        return List.copyOf(line);
    }

    Path socket() {
        return socket;
    }

    /** Finds or trains the AOT cache (see {@link WorkerAotCache#prepare}), switches the command to it, returns the status line. */
    String prepareAotCache() throws IOException {
        WorkerAotCache.Prepared aot = WorkerAotCache.prepare(java, config.jvmFlags(), classpath, config.startTimeout(), this);
        command = command(aot.extraFlags());
        return aot.status();
    }

    /** A worker JVM just started, and {@link System#nanoTime()} when it was. */
    record Spawned(Process process, long nanos) {
    }

    /**
     * Starts {@code count} worker JVMs with {@link #command()} without waiting for their hellos.
     *
     * @throws WorkerStartException when one cannot be spawned; those already spawned are killed
     */
    List<Spawned> spawn(int count) throws WorkerStartException {
        List<Spawned> spawned = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                long nanos = System.nanoTime();
                spawned.add(new Spawned(spawn(command), nanos));
            }
        } catch (IOException e) {
            spawned.forEach(s -> kill(s.process()));
            throw new WorkerStartException("cannot spawn a worker JVM with " + command.getFirst() + ": " + e.getMessage(), e);
        }
        return spawned;
    }

    /** Starts a worker JVM: its stdout is discarded, its stderr is ours. */
    static Process spawn(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // Workers never read stdin: close our end now rather than hold a pipe per worker.
        process.getOutputStream().close();
        return process;
    }

    /** Kills a worker process and waits until it is reaped. */
    static void kill(Process process) {
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Waits up to {@link WorkerPoolConfig#startTimeout()} for {@code process} to connect and say hello.
     *
     * @throws WorkerStartException when it exits first, takes too long or its hello is broken
     */
    HelloAcceptor.Hello awaitHello(Process process) throws WorkerStartException {
        long pid = process.pid();
        CompletableFuture<HelloAcceptor.Hello> hello = acceptor.expect(pid);
        boolean taken = false;
        try {
            CompletableFuture.anyOf(hello, process.onExit())
                    .get(config.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (!hello.isDone()) {
                throw new WorkerStartException("worker pid " + pid + " ended before saying hello: "
                        + WorkerCrashedException.describe(process.exitValue()) + " (its stderr is this process's stderr)");
            }
            HelloAcceptor.Hello h = hello.get();
            taken = true;
            return h;
        } catch (TimeoutException e) {
            throw new WorkerStartException("worker pid " + pid + " did not say hello within "
                    + config.startTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new WorkerStartException("worker pid " + pid + " could not start: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStartException("interrupted while worker pid " + pid + " was starting", e);
        } finally {
            try {
                acceptor.forget(pid, taken);
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }
    }

    /** Stops accepting hellos (joining the acceptor thread); see {@link #deleteSocket()}. */
    @Override
    public void close() throws IOException {
        acceptor.close();
    }

    /** Deletes the socket and its directory, once every worker is gone. */
    void deleteSocket() throws IOException {
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
        PidTempDir.deleted(directory);
    }
}
