package dev.concbench.process;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of worker JVMs that run {@link WorkerFunction}s: the JVM's {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(4))) {
 *     TaskResult r = pool.submit("burn", "1000000").join();   // r.workerPid() != our pid
 * }
 * }</pre>
 *
 * <p>Workers are started from this JVM's JDK ({@code java.home}) and classpath
 * ({@code java.class.path}) with {@link WorkerPoolConfig#jvmFlags()} (plus the JDK's AOT cache
 * when the classpath allows it, see {@link #aotCacheStatus()}), connect back over a Unix-domain
 * socket in a fresh temporary directory and run one task at a time. Tasks wait in one FIFO queue
 * and go to whichever worker is idle.
 *
 * <p>Threads: every public method may be called from any thread. The pool owns one acceptor thread
 * and one reader thread per worker (daemon platform threads named {@code concbench-process-*}).
 * A task's future is completed on the reader thread of the worker that ran it (result, error or
 * crash); at {@link #close()} unfinished futures are cancelled on the closing thread. Dependent
 * actions attached with non-async methods therefore run on a reader thread: keep them short, or use
 * the {@code *Async} variants.
 *
 * <p>Lifecycle: {@link PoolState}. A worker that dies is replaced while the pool is RUNNING; if the
 * replacement cannot start the pool goes FAILED and fails queued tasks. {@link #close()} stops
 * every worker and joins every pool thread.
 */
public final class WorkerPool implements AutoCloseable {

    private static final String THREAD_PREFIX = "concbench-process-";

    private final WorkerPoolConfig config;
    private final Path directory;
    private final Path socket;
    private final String java;
    private final String classpath;
    private final HelloAcceptor acceptor;
    /** Set in {@link #start} before any worker starts (switched to the AOT cache there), then fixed. */
    private volatile List<String> command;
    private volatile String aotCacheStatus;

    private final Object lock = new Object();
    private volatile PoolState state = PoolState.NEW;
    /** Every state this pool has been in, in order (tests check that terminal states stay terminal). */
    private final List<PoolState> history = new ArrayList<>(List.of(PoolState.NEW));
    /** Set by the first {@link #close()}; the state itself stays FAILED when the pool had failed. */
    private boolean closing;
    private final ArrayDeque<Worker.Task> queue = new ArrayDeque<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final Set<Worker> live = new LinkedHashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<WorkerStart> starts = new ArrayList<>();
    private final AtomicLong nextTaskId = new AtomicLong();

    private WorkerPool(WorkerPoolConfig config) throws IOException {
        this.config = config;
        this.directory = Files.createTempDirectory("concbench-pool-");
        this.socket = directory.resolve("pool.sock");
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = System.getProperty("java.class.path");
        this.command = workerCommand(List.of());
        this.acceptor = new HelloAcceptor(socket);
    }

    /**
     * Starts {@code config.workers()} worker JVMs and returns once every one has said hello.
     *
     * @throws WorkerStartException when a worker cannot be spawned, exits early or does not say
     *     hello within {@link WorkerPoolConfig#startTimeout()}; every started worker is stopped
     * @throws IOException when the socket directory cannot be created
     */
    public static WorkerPool start(WorkerPoolConfig config) throws IOException {
        WorkerPool pool = new WorkerPool(Objects.requireNonNull(config, "config"));
        synchronized (pool.lock) {
            pool.moveTo(PoolState.STARTING);
        }
        try {
            pool.aotCacheStatus = config.aotCache() ? pool.prepareAotCache() : "off: disabled in WorkerPoolConfig";
            pool.startWorkers(config.workers());
        } catch (IOException | RuntimeException e) {
            synchronized (pool.lock) {
                if (pool.state == PoolState.STARTING) {
                    pool.moveTo(PoolState.FAILED);
                }
            }
            pool.close();
            throw e;
        }
        synchronized (pool.lock) {
            if (pool.state == PoolState.STARTING) {
                pool.moveTo(PoolState.RUNNING);
                return pool;
            }
        }
        // A worker died while the others started and its replacement failed too.
        pool.close();
        throw new WorkerStartException("worker pool FAILED while starting: a worker died and could not be replaced");
    }

    /**
     * Runs {@code function(argument)} in a worker.
     *
     * @return a future completed with the value and the worker's pid; or exceptionally with
     *     {@link WorkerTaskException} (the function threw), {@link WorkerCrashedException} (the
     *     worker died mid-task), {@link CancellationException} (the pool closed first) or
     *     {@link RejectedExecutionException} (the pool is not RUNNING) or
     *     {@link IllegalArgumentException} (the function name and argument exceed a frame's
     *     {@value Frame#MAX_LENGTH} bytes; no worker is involved). Cancelling the future does not
     *     stop a task a worker has already started.
     */
    public CompletableFuture<TaskResult> submit(String function, String argument) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(argument, "argument");
        long id = nextTaskId.getAndIncrement();
        ByteBuffer frame;
        try {
            frame = Frame.task(id, function, argument).encode();
        } catch (Frame.TooLongException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "task for function '" + function + "' cannot be sent: " + e.getMessage(), e));
        }
        Worker worker;
        Worker.Task task;
        synchronized (lock) {
            if (state != PoolState.RUNNING) {
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        "worker pool accepts tasks only when RUNNING, it is " + state));
            }
            task = new Worker.Task(id, function, frame, new CompletableFuture<>(), System.nanoTime());
            worker = idle.pollFirst();
            if (worker == null) {
                queue.addLast(task);
            } else {
                worker.inFlight = task;
            }
        }
        if (worker != null) {
            worker.send(task);
        }
        return task.future();
    }

    /** The pool's current lifecycle state. */
    public PoolState state() {
        return state;
    }

    /** The pids of the workers alive now, in start order. */
    public List<Long> pids() {
        synchronized (lock) {
            return live.stream().map(Worker::pid).toList();
        }
    }

    /** Start-up time of every worker this pool started, replacements included, in start order. */
    public List<WorkerStart> startupTimes() {
        synchronized (lock) {
            return List.copyOf(starts);
        }
    }

    /** The full command line a worker is started with (JVM, flags, classpath, main class, socket). */
    public List<String> workerCommand() {
        return command;
    }

    /** The Unix-domain socket workers connect to (tests break it to make a replacement fail). */
    Path socketPath() {
        return socket;
    }

    /**
     * Whether workers start from the JDK's AOT cache, as one line for the results: {@code used
     * PATH}, {@code created PATH in N ms} (this pool trained it), or {@code off: REASON}.
     */
    public String aotCacheStatus() {
        return aotCacheStatus;
    }

    /** The configuration this pool was started with. */
    public WorkerPoolConfig config() {
        return config;
    }

    /**
     * Stops the pool: cancels queued and running tasks, closes every worker's socket (the worker
     * exits on EOF), kills a worker that is still alive after {@link WorkerPoolConfig#stopGrace()},
     * waits for every worker process to be reaped, joins every pool thread and deletes the socket
     * directory. Idempotent; a second concurrent call returns at once.
     *
     * @throws IllegalStateException when called on a pool thread (from an action attached to a
     *     task's future with a non-async method): that thread cannot join itself
     */
    @Override
    public void close() throws IOException {
        List<Worker.Task> queued;
        List<Worker> workers;
        boolean failed;
        synchronized (lock) {
            if (threads.contains(Thread.currentThread())) {
                throw new IllegalStateException("close() must not run on the pool's own thread "
                        + Thread.currentThread().getName() + "; attach it with a *Async method");
            }
            if (closing) {
                return;
            }
            closing = true;
            failed = state == PoolState.FAILED;
            if (!failed) {
                moveTo(PoolState.STOPPING);
            }
            queued = List.copyOf(queue);
            queue.clear();
            idle.clear();
            workers = List.copyOf(live);
        }
        queued.forEach(t -> t.future().completeExceptionally(
                new CancellationException("worker pool closed before function '" + t.function() + "' ran")));
        acceptor.close();
        workers.forEach(Worker::disconnect);
        joinThreads();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
        if (!failed) {
            synchronized (lock) {
                moveTo(PoolState.TERMINATED);
            }
        }
    }

    /** Under the lock: the one place the state changes; a terminal state (TERMINATED, FAILED) is never left. */
    private void moveTo(PoolState next) {
        if (state == PoolState.TERMINATED || state == PoolState.FAILED) {
            throw new IllegalStateException("worker pool is " + state + ", a terminal state; it cannot become " + next);
        }
        state = next;
        history.add(next);
    }

    /** Every state this pool has been in, in order. */
    List<PoolState> stateHistory() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /** Finds or trains the AOT cache (see {@link WorkerAotCache#prepare}) and switches the worker command to it. */
    private String prepareAotCache() throws IOException {
        WorkerAotCache.Prepared aot = WorkerAotCache.prepare(java, config.jvmFlags(), classpath, config.startTimeout(),
                new WorkerAotCache.Launcher() {
                    @Override
                    public List<String> command(List<String> extraFlags) {
                        return workerCommand(extraFlags);
                    }

                    @Override
                    public HelloAcceptor.Hello awaitHello(Process process) throws WorkerStartException {
                        return WorkerPool.this.awaitHello(process);
                    }
                });
        command = workerCommand(aot.extraFlags());
        return aot.status();
    }

    /** Spawns {@code count} workers in parallel, then waits for each hello and registers it. */
    private void startWorkers(int count) throws IOException {
        synchronized (lock) {
            if (state != PoolState.STARTING && state != PoolState.RUNNING) {
                throw new WorkerStartException("worker pool is " + state + ", no worker started");
            }
        }
        List<Process> spawned = new ArrayList<>();
        List<Long> spawnNanos = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                spawnNanos.add(System.nanoTime());
                spawned.add(spawn(command));
            }
        } catch (IOException e) {
            spawned.forEach(WorkerPool::kill);
            throw new WorkerStartException("cannot spawn a worker JVM with " + command.getFirst() + ": " + e.getMessage(), e);
        }
        WorkerStartException failure = null;
        for (int i = 0; i < spawned.size(); i++) {
            try {
                register(spawned.get(i), awaitHello(spawned.get(i)), spawnNanos.get(i));
            } catch (WorkerStartException e) {
                kill(spawned.get(i));
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private HelloAcceptor.Hello awaitHello(Process process) throws WorkerStartException {
        long pid = process.pid();
        CompletableFuture<HelloAcceptor.Hello> hello = acceptor.expect(pid);
        boolean taken = false;
        try {
            CompletableFuture.anyOf(hello, process.onExit())
                    .get(config.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (!hello.isDone()) {
                throw new WorkerStartException("worker pid " + pid + " exited with code " + process.exitValue()
                        + " before saying hello (its stderr is this process's stderr)");
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

    /** Adds a worker that said hello, unless the pool stopped meanwhile (then the worker is stopped). */
    private void register(Process process, HelloAcceptor.Hello hello, long spawnNanos) throws WorkerStartException {
        Worker worker = new Worker(process, hello.channel());
        Worker.Task first;
        synchronized (lock) {
            if (state != PoolState.STARTING && state != PoolState.RUNNING) {
                worker.disconnect();
                kill(process);
                throw new WorkerStartException("worker pool is " + state + ", worker pid " + process.pid() + " stopped");
            }
            live.add(worker);
            starts.add(new WorkerStart(process.pid(), Duration.ofNanos(hello.arrivedNanos() - spawnNanos),
                    process.info().totalCpuDuration().orElse(Duration.ZERO)));
            Thread reader = Thread.ofPlatform().name(THREAD_PREFIX + "reader-" + process.pid()).daemon()
                    .unstarted(() -> read(worker));
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            threads.add(reader);
            reader.start();
            first = nextFor(worker);
        }
        if (first != null) {
            worker.send(first);
        }
    }

    /** Under the lock: the next queued task for an idle worker, or null after marking it idle. */
    private Worker.Task nextFor(Worker worker) {
        Worker.Task task;
        do {
            task = queue.pollFirst();
        } while (task != null && task.future().isDone());
        if (task == null) {
            idle.addLast(worker);
        } else {
            worker.inFlight = task;
        }
        return task;
    }

    /** A worker's reader thread: answers until the connection ends, then handles the worker's end. */
    private void read(Worker worker) {
        IOException end;
        try {
            while (true) {
                answered(worker, Frame.readFrom(worker.channel()));
            }
        } catch (IOException e) {
            end = e;
        }
        boolean expected = end instanceof EOFException || end instanceof AsynchronousCloseException;
        if (!expected) {
            // A malformed frame or a broken socket: the worker cannot be trusted with another task.
            worker.kill();
        }
        try {
            ended(worker);
        } catch (InterruptedException e) {
            worker.kill();
            Thread.currentThread().interrupt();
        }
    }

    private void answered(Worker worker, Frame frame) throws IOException {
        Worker.Task done;
        Worker.Task next;
        synchronized (lock) {
            done = worker.inFlight;
            if (done == null || done.id() != frame.id() || frame.kind() == Frame.Kind.HELLO
                    || frame.kind() == Frame.Kind.TASK) {
                throw new IOException("worker pid " + worker.pid() + " sent " + frame.kind() + " for task "
                        + frame.id() + " while running " + (done == null ? "nothing" : "task " + done.id()));
            }
            worker.inFlight = null;
            next = state == PoolState.RUNNING ? nextFor(worker) : null;
        }
        if (next != null) {
            worker.send(next);
        }
        if (frame.kind() == Frame.Kind.RESULT) {
            done.future().complete(new TaskResult(frame.text1(), worker.pid(), Duration.ofNanos(frame.nanos()),
                    Duration.ofNanos(System.nanoTime() - done.submitNanos())));
        } else {
            done.future().completeExceptionally(
                    new WorkerTaskException(worker.pid(), done.function(), frame.text1(), frame.text2()));
        }
    }

    /** The worker's connection ended: reap it, fail its task, and replace it if the pool still runs. */
    private void ended(Worker worker) throws InterruptedException {
        Worker.Task lost;
        boolean running;
        synchronized (lock) {
            live.remove(worker);
            idle.remove(worker);
            lost = worker.inFlight;
            worker.inFlight = null;
            running = state == PoolState.RUNNING || state == PoolState.STARTING;
        }
        worker.disconnect();
        int exitCode = worker.awaitExit(config.stopGrace());
        if (lost != null) {
            lost.future().completeExceptionally(running
                    ? new WorkerCrashedException(worker.pid(), exitCode, lost.function())
                    : new CancellationException("worker pool closed while worker pid " + worker.pid()
                            + " ran function '" + lost.function() + "'"));
        }
        if (running) {
            replace(worker);
        }
    }

    private void replace(Worker dead) {
        try {
            startWorkers(1);
        } catch (IOException e) {
            List<Worker.Task> queued;
            synchronized (lock) {
                if (state != PoolState.RUNNING && state != PoolState.STARTING) {
                    return;
                }
                moveTo(PoolState.FAILED);
                queued = List.copyOf(queue);
                queue.clear();
            }
            WorkerStartException cause = new WorkerStartException(
                    "worker pool FAILED: cannot replace dead worker pid " + dead.pid() + ": " + e.getMessage(), e);
            queued.forEach(t -> t.future().completeExceptionally(cause));
        }
    }

    private void joinThreads() throws IOException {
        boolean interrupted = false;
        int joined = 0;
        while (true) {
            Thread next;
            synchronized (lock) {
                if (joined == threads.size()) {
                    break;
                }
                next = threads.get(joined);
            }
            try {
                next.join();
                joined++;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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

    /** The worker command line with {@code extraFlags} after the configured ones. */
    private List<String> workerCommand(List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(config.jvmFlags());
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(WorkerMain.class.getName());
        command.add(socket.toString());
        return List.copyOf(command);
    }
}
