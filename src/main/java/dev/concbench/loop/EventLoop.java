package dev.concbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A single-threaded event loop on a {@link java.nio.channels.Selector}: asyncio's loop for the JVM.
 * This class states the loop's API once (asyncio's {@code events.py}); the engine whose
 * {@code run()} is the algorithm is {@link LoopCore}, the cross-thread bridges are
 * {@link LoopBridges}.
 *
 * <p>One iteration reads as the algorithm: wait for I/O no longer than the time to the next timer
 * (not at all when callbacks are ready), run the I/O handlers of ready channels, move due timers
 * to the ready queue, then run ready callbacks in FIFO order, including the ones they schedule,
 * until the queue is empty or the iteration's budget (1024 callbacks or 1 ms, as Netty's task
 * quantum) is spent. Then I/O is polled again, so a flood of ready callbacks never starves I/O,
 * and a ping-pong of callbacks costs no system call per switch.
 *
 * <p>Threading: {@link #execute}, {@link #callLater}, {@link #callAt}, {@link #submit},
 * {@link #stats()}, {@link #state()}, {@link #inLoop()} and {@link #close()} may be called from any
 * thread. Everything else, and every method of the futures, queues and connections it creates, is
 * for the loop thread only and throws {@link IllegalStateException} elsewhere. Callbacks submitted
 * from the loop thread run in exactly the order submitted; from another thread, in the order that
 * thread submitted them.
 *
 * <p>A callback that throws a {@code RuntimeException} is counted ({@link LoopStats}), reported to
 * the {@link LoopListener} and the loop goes on; an {@link Error} stops the loop ({@link
 * LoopState#FAILED}) and is rethrown on the loop thread. A coroutine's failures, most
 * {@code Error}s included, fail its task instead (see {@link Coroutine}).
 *
 * <p>Injected slowdown: when {@link LoopOptions#injectedSpinNanos()} is N &gt; 0 (from the
 * environment variable {@code CONCBENCH_INJECT_LOOP_SPIN_NS} or the system property
 * {@code concbench.inject.loopSpinNanos}), the loop runs a counted busy loop calibrated once per
 * JVM to take about N ns before each ready callback (no clock read). It exists only to prove that
 * the regression gate catches a slower loop.
 *
 * <pre>{@code
 * try (EventLoop loop = EventLoop.start()) {
 *     String s = loop.submit(() -> loop.sleep(Duration.ofMillis(10)).map(v -> "done")).join();
 * }
 * }</pre>
 */
public final class EventLoop implements Executor, AutoCloseable {

    private final LoopOptions options;
    /** {@link LoopOptions#debug()}, a field of the loop so the hot paths read no record. */
    private final boolean debug;
    private final LoopBridges bridges = new LoopBridges(this);
    private final LoopCore core;
    /** The loop's thread, held here too: {@link #checkInLoop} reads one field, not two (futures check through their {@link ReadyQueue}). */
    private final Thread thread;
    private final ReadyQueue ready; // the core's, held here too: a completion queues its future with one load fewer

    private EventLoop(LoopOptions options) {
        this.options = options;
        this.debug = options.debug();
        this.core = new LoopCore(this, options, bridges::failPending);
        this.thread = core.thread();
        this.ready = core.readyQueue();
    }

    /** Starts a loop with {@link LoopOptions#defaults()}. */
    public static EventLoop start() {
        return start(LoopOptions.defaults());
    }

    /** Starts a loop on its own new thread; it runs until {@link #close()}. */
    public static EventLoop start(LoopOptions options) {
        EventLoop loop = new EventLoop(options);
        loop.core.start();
        return loop;
    }

    /**
     * asyncio's {@code run}: starts a loop, runs {@code main} on it, waits (blocking the calling
     * thread) for the future it returns, closes the loop and returns the result.
     *
     * @throws CompletionException   wrapping the failure of {@code main}'s future
     * @throws CancellationException when it was cancelled
     */
    public static <T> T run(LoopOptions options, Function<EventLoop, ? extends LoopFuture<T>> main) {
        try (EventLoop loop = start(options)) {
            return loop.submit(() -> main.apply(loop)).join();
        }
    }

    public LoopOptions options() {
        return options;
    }

    public LoopState state() {
        return core.state();
    }

    /** The loop clock's reading, in nanoseconds. Any thread. */
    public long now() {
        return core.now();
    }

    /** True when called on this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Throws unless on the loop thread; {@code what} names the caller in the message. */
    public void checkInLoop(String what) {
        if (Thread.currentThread() != thread) {
            core.checkInLoop(what); // throws, naming both threads
        }
    }

    /** A snapshot of the counters. Any thread. */
    public LoopStats stats() {
        return core.stats();
    }

    // ---- scheduling -------------------------------------------------------------------------

    /**
     * Schedules {@code callback} to run soon on the loop (asyncio's {@code call_soon} /
     * {@code call_soon_threadsafe}). Any thread; wakes the selector only if the loop is asleep.
     * On the loop thread it is always accepted (shutdown runs what cancellation schedules).
     *
     * @throws RejectedExecutionException from another thread once {@link #close()} has begun
     */
    @Override
    public void execute(Runnable callback) {
        core.execute(traced(callback, callback));
    }

    /**
     * Runs {@code callback} after {@code delay} (asyncio's {@code call_later}). Any thread.
     *
     * @throws RejectedExecutionException from another thread once {@link #close()} has begun
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(core.now() + delay.toNanos(), callback);
    }

    /**
     * Runs {@code callback} once the loop clock reaches {@code deadlineNanos}. Any thread.
     *
     * @throws RejectedExecutionException from another thread once {@link #close()} has begun
     */
    public TimerHandle callAt(long deadlineNanos, Runnable callback) {
        return core.callAt(deadlineNanos, traced(callback, callback));
    }

    // ---- futures and tasks -----------------------------------------------------------------

    /** A pending future on this loop. Loop thread. */
    public <T> LoopFuture<T> newFuture() {
        checkInLoop("newFuture");
        return new LoopFuture<>(this);
    }

    /** A future that already succeeded with {@code value}. Loop thread. */
    public <T> LoopFuture<T> completed(T value) {
        LoopFuture<T> f = newFuture();
        f.complete(value);
        return f;
    }

    /** A future that already failed with {@code error}. Loop thread. */
    public <T> LoopFuture<T> failed(Throwable error) {
        LoopFuture<T> f = newFuture();
        f.fail(error);
        return f;
    }

    /** asyncio's {@code sleep}: a future that succeeds after {@code delay}; cancelling it drops the timer. */
    public LoopFuture<Void> sleep(Duration delay) {
        LoopFuture<Void> f = newFuture();
        f.awaitOne(callLater(delay, () -> f.complete(null)));
        return f;
    }

    /**
     * asyncio's {@code create_task}: runs {@code body} on the loop's next turn; the task completes
     * with the outcome of the future the body returns. The loop keeps the task alive until done
     * and cancels it on {@link #close()}. Loop thread.
     */
    public <T> LoopTask<T> spawn(String name, Supplier<? extends LoopFuture<T>> body) {
        checkInLoop("spawn");
        LoopTask<T> task = new LoopTask<>(this, name);
        core.track(task);
        callSoon(traced(() -> task.start(body), body));
        return task;
    }

    /**
     * Runs {@code body} as a {@link Coroutine} (asyncio's {@code create_task(coro())}): its first
     * step runs on the loop's next turn; inside, {@link Coroutine#await} suspends it until a future
     * is done. The task completes with the body's value or exception; the loop keeps it alive until
     * done and cancels it on {@link #close()}. Loop thread.
     *
     * @throws IllegalStateException when this JVM lacks the flag coroutines need (the message names it)
     */
    public <T> LoopTask<T> spawnCoroutine(String name, Coroutine.Body<T> body) {
        checkInLoop("spawnCoroutine");
        LoopTask<T> task = new LoopTask<>(this, name);
        Coroutine<T> coroutine = Coroutine.create(this, task, body);
        core.track(task);
        callSoon(traced(coroutine, coroutine));
        return task;
    }

    /** {@link #spawnCoroutine(String, Coroutine.Body)} for a body without a value. Loop thread. */
    public LoopTask<Void> spawnCoroutine(String name, Coroutine.Action body) {
        return spawnCoroutine(name, () -> {
            body.run();
            return null;
        });
    }

    /**
     * A task nobody awaits (asyncio: {@code create_task} without keeping the result): if it
     * fails, the failure is counted in {@link LoopStats#taskFailures()} and reported to the
     * listener, never silently lost. Loop thread.
     */
    public LoopTask<?> fireAndForget(String name, Supplier<? extends LoopFuture<?>> body) {
        @SuppressWarnings("unchecked")
        LoopTask<Object> task = spawn(name, (Supplier<LoopFuture<Object>>) body);
        task.onDone(t -> {
            Throwable error = t.exception();
            if (error != null && !t.isCancelled()) {
                core.countTaskFailure(name, error);
            }
        });
        return task;
    }

    /**
     * asyncio's {@code run_coroutine_threadsafe}: runs {@code body} as a task on the loop and
     * returns a {@link CompletableFuture} for its outcome. Any thread; the calling thread may block
     * on the result (never call {@code join()} on it from the loop thread: it would deadlock). If
     * the loop stops before the task is done, the future fails with a {@link CancellationException};
     * at {@link #close()} it follows the task through its cleanup (a task that swallows the
     * cancellation gives its value), and fails so only when the task is abandoned after the grace.
     * Cancelling the returned future cancels the task (a coroutine's is asked to stop at its await).
     *
     * @throws RejectedExecutionException from another thread once {@link #close()} has begun
     */
    public <T> CompletableFuture<T> submit(Supplier<? extends LoopFuture<T>> body) {
        return bridges.submit(body);
    }

    /**
     * asyncio's {@code run_in_executor}: runs {@code work} on {@code executor} (blocking or CPU
     * work, off the loop) and completes the returned future on the loop thread. Cancelling the
     * future does not interrupt work already running, as in asyncio. Loop thread.
     */
    public <T> LoopFuture<T> runInExecutor(Executor executor, Callable<T> work) {
        return bridges.runInExecutor(executor, work);
    }

    /**
     * A loop future completed (on the loop thread) with {@code stage}'s outcome, which may come
     * from any thread. Cancelling the loop future does not cancel the stage. Loop thread.
     */
    public <T> LoopFuture<T> adapt(CompletionStage<T> stage) {
        return bridges.adapt(stage);
    }

    /**
     * asyncio's {@code gather}: the results in the order given, once all succeed. The first
     * failure fails the gather at once (the others keep running, as in asyncio); cancelling the
     * gather cancels every child, and it is cancelled once they are all done (asyncio 3.11), so a
     * coroutine child's cleanup is over by then. Loop thread.
     */
    public <T> LoopFuture<List<T>> gather(List<? extends LoopFuture<? extends T>> children) {
        checkInLoop("gather");
        return Gather.failFast(this, children);
    }

    /** asyncio's {@code gather(..., return_exceptions=True)}: every outcome, in order, never failing. Loop thread. */
    public <T> LoopFuture<List<Outcome<T>>> gatherSettled(List<? extends LoopFuture<? extends T>> children) {
        checkInLoop("gatherSettled");
        return Gather.settled(this, children);
    }

    /**
     * asyncio's {@code wait_for}: {@code work}'s outcome, or after {@code timeout} {@code work} is
     * cancelled and, once it is done, an {@link AsyncTimeoutException} (a coroutine task runs its
     * cleanup first; one that swallows the cancellation gives its own outcome instead). Loop thread.
     */
    public <T> LoopFuture<T> waitFor(LoopFuture<T> work, Duration timeout) {
        return Timeouts.waitFor(this, work, timeout);
    }

    // ---- I/O -------------------------------------------------------------------------------

    /**
     * Registers a channel that someone else owns (for example a Unix-domain
     * {@link java.nio.channels.SocketChannel} to a worker process); {@code handler} runs on the loop
     * when it is ready for {@code ops}. The loop never closes it. Loop thread.
     */
    public IoRegistration register(SelectableChannel channel, int ops, IoHandler handler) throws IOException {
        return register(channel, ops, handler, false);
    }

    IoRegistration register(SelectableChannel channel, int ops, IoHandler handler, boolean owned) throws IOException {
        checkInLoop("register");
        var key = core.register(channel, ops);
        IoRegistration registration = new IoRegistration(this, key, handler, owned);
        key.attach(registration);
        return registration;
    }

    /** asyncio's {@code open_connection}: a non-blocking TCP connection to {@code address}. Loop thread. */
    public LoopFuture<TcpConnection> openConnection(InetSocketAddress address) {
        return TcpConnection.connect(this, address);
    }

    /**
     * asyncio's {@code start_server}: listens on {@code address} (port 0 picks a free one) and
     * hands each accepted connection to {@code onAccept} on the loop thread. Loop thread.
     *
     * @param backlog the listen queue length, in connections
     */
    public TcpServer startServer(InetSocketAddress address, int backlog, Consumer<TcpConnection> onAccept) {
        try {
            return TcpServer.bind(this, address, backlog, onAccept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /**
     * Stops the loop (asyncio's {@code run} ending): cancels live tasks and keeps the loop turning
     * (timers, I/O, callbacks) until they have finished their cleanup, which may await, for at most
     * {@link LoopOptions#shutdownGrace()} (tasks still running then are abandoned and reported); closes
     * connections and servers the loop owns (channels registered with {@link #register} are only
     * deregistered), closes the selector and joins the thread. Any thread; idempotent. Called on
     * the loop thread it only requests the stop (a thread cannot join itself).
     */
    @Override
    public void close() {
        core.stop();
    }

    // ---- package-private plumbing -----------------------------------------------------------

    /** Queues a callback from the loop thread (futures' done-callbacks). */
    void callSoon(Runnable callback) {
        ready.add(callback);
    }

    /** The ready queue, which each future holds to queue itself on completion ({@link ReadyQueue}). */
    ReadyQueue readyQueue() {
        return ready;
    }

    /** In debug mode, wraps {@code action} with where it is being scheduled from. */
    Runnable traced(Runnable action, Object described) {
        return debug ? new TracedCallback(action, described) : action;
    }

    /** The selector wake-up protocol's state, for tests: is the loop blocked in select, and how often was it woken. */
    boolean isSleeping() {
        return core.isSleeping();
    }

    long wakeups() {
        return core.wakeups();
    }

    String threadName() {
        return core.threadName();
    }

    <T> CompletableFuture<T> completable(LoopFuture<T> future) {
        return bridges.completable(future);
    }

    void countCallbackFailure(Object described, RuntimeException e) {
        core.countCallbackFailure(described, e);
    }
}
