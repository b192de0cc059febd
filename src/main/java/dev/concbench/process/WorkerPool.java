package dev.concbench.process;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of worker JVMs that run {@link WorkerFunction}s: the JVM's {@code ProcessPoolExecutor}.
 *
 * <pre>{@code
 * try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(4))) {
 *     WorkerResult r = pool.submit("burn", "1000000").join();   // r.workerPid() != our pid
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
    private final WorkerLauncher launcher;
    private volatile String aotCacheStatus;

    private final Object lock = new Object();
    private final PoolLifecycle lifecycle = new PoolLifecycle();
    /** Set by the first {@link #close()}; the state itself stays FAILED when the pool had failed. */
    private boolean closing;
    private final ArrayDeque<Worker.Task> queue = new ArrayDeque<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final Set<Worker> live = new LinkedHashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<WorkerStart> starts = new ArrayList<>();
    /** The last worker death the pool saw, for messages; written under the lock. */
    private volatile String lastDeath = "a worker died";
    private final AtomicLong nextTaskId = new AtomicLong();

    private WorkerPool(WorkerPoolConfig config) throws IOException {
        this.config = config;
        this.launcher = new WorkerLauncher(config);
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
            pool.lifecycle.moveTo(PoolState.STARTING);
        }
        try {
            pool.aotCacheStatus = config.aotCache() ? pool.launcher.prepareAotCache() : "off: disabled in WorkerPoolConfig";
            pool.startWorkers(config.workers());
        } catch (IOException | RuntimeException e) {
            synchronized (pool.lock) {
                if (pool.lifecycle.state() == PoolState.STARTING) {
                    pool.lifecycle.moveTo(PoolState.FAILED);
                }
            }
            pool.close();
            throw e;
        }
        synchronized (pool.lock) {
            if (pool.lifecycle.state() == PoolState.STARTING) {
                pool.lifecycle.moveTo(PoolState.RUNNING);
                return pool;
            }
        }
        // A worker died while the others started and its replacement failed too.
        pool.close();
        throw new WorkerStartException("worker pool FAILED while starting: " + pool.lastDeath
                + ", and its replacement could not start");
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
    public CompletableFuture<WorkerResult> submit(String function, String argument) {
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
            if (lifecycle.state() != PoolState.RUNNING) {
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        "worker pool accepts tasks only when RUNNING, it is " + lifecycle.state()));
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
        return lifecycle.state();
    }

    /** The pids of the workers alive now, in start order. */
    public List<Long> pids() {
        synchronized (lock) {
            return live.stream().map(Worker::pid).toList();
        }
    }

    /** How many workers were started to replace dead ones since the pool was RUNNING. Any thread. */
    public int replacements() {
        synchronized (lock) {
            return Math.max(0, starts.size() - config.workers());
        }
    }

    /** Start-up time of every worker this pool started, replacements included, in start order. */
    public List<WorkerStart> startupTimes() {
        synchronized (lock) {
            return List.copyOf(starts);
        }
    }

    /** The Unix-domain socket workers connect to (tests break it to make a replacement fail). */
    Path socketPath() {
        return launcher.socket();
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
            failed = lifecycle.state() == PoolState.FAILED;
            if (!failed) {
                lifecycle.moveTo(PoolState.STOPPING);
            }
            queued = List.copyOf(queue);
            queue.clear();
            idle.clear();
            workers = List.copyOf(live);
        }
        queued.forEach(t -> t.future().completeExceptionally(
                new CancellationException("worker pool closed before function '" + t.function() + "' ran")));
        launcher.close();
        workers.forEach(Worker::disconnect);
        joinThreads();
        launcher.deleteSocket();
        if (!failed) {
            synchronized (lock) {
                lifecycle.moveTo(PoolState.TERMINATED);
            }
        }
    }

    /** Every state this pool has been in, in order. */
    List<PoolState> stateHistory() {
        return lifecycle.history();
    }

    /** Spawns {@code count} workers in parallel, then waits for each hello and registers it. */
    private void startWorkers(int count) throws IOException {
        synchronized (lock) {
            if (!lifecycle.isUp()) {
                throw new WorkerStartException("worker pool is " + lifecycle.state() + ", no worker started");
            }
        }
        WorkerStartException failure = null;
        for (WorkerLauncher.Spawned spawned : launcher.spawn(count)) {
            try {
                register(spawned.process(), launcher.awaitHello(spawned.process()), spawned.nanos());
            } catch (WorkerStartException e) {
                WorkerLauncher.kill(spawned.process());
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

    /** Adds a worker that said hello, unless the pool stopped meanwhile (then the worker is stopped). */
    private void register(Process process, HelloAcceptor.Hello hello, long spawnNanos) throws WorkerStartException {
        Worker worker = new Worker(process, hello.channel());
        Worker.Task first;
        synchronized (lock) {
            if (!lifecycle.isUp()) {
                worker.disconnect();
                WorkerLauncher.kill(process);
                throw new WorkerStartException("worker pool is " + lifecycle.state() + ", worker pid " + process.pid() + " stopped");
            }
            live.add(worker);
            starts.add(new WorkerStart(process.pid(), Duration.ofNanos(hello.arrivedNanos() - spawnNanos),
                    process.info().totalCpuDuration().orElse(Duration.ZERO)));
            Thread reader = Thread.ofPlatform().name(THREAD_PREFIX + "reader-" + process.pid()).daemon()
                    .unstarted(() -> worker.readUntilEnd(this::answered, this::ended));
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
            next = lifecycle.state() == PoolState.RUNNING ? nextFor(worker) : null;
        }
        if (next != null) {
            worker.send(next);
        }
        if (frame.kind() == Frame.Kind.RESULT) {
            done.future().complete(new WorkerResult(frame.text1(), worker.pid(), Duration.ofNanos(frame.nanos()),
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
            running = lifecycle.isUp();
        }
        worker.disconnect();
        int exitCode = worker.awaitExit(config.stopGrace());
        synchronized (lock) {
            lastDeath = "worker pid " + worker.pid() + " died (" + WorkerCrashedException.describe(exitCode) + ")";
        }
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
                if (!lifecycle.isUp()) {
                    return;
                }
                lifecycle.moveTo(PoolState.FAILED);
                queued = List.copyOf(queue);
                queue.clear();
            }
            WorkerStartException cause = new WorkerStartException(
                    "worker pool FAILED: cannot replace " + lastDeath + ": " + e.getMessage(), e);
            queued.forEach(t -> t.future().completeExceptionally(cause));
        }
    }

    /** Joins every pool thread, including readers of replacements started while joining. */
    private void joinThreads() {
        for (int joined = 0; ; joined++) {
            Thread next;
            synchronized (lock) {
                if (joined == threads.size()) {
                    return;
                }
                next = threads.get(joined);
            }
            Uninterruptibly.join(next);
        }
    }
}
