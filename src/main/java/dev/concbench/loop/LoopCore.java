package dev.concbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The engine under {@link EventLoop}: its thread, ready queue, timers, selector, counters and
 * lifecycle. {@link #run()} reads as the algorithm: while RUNNING, wait for I/O no longer than the
 * time to the next timer (not at all when callbacks are ready), run the I/O handlers of ready
 * channels, move due timers to the ready queue, then run ready callbacks in FIFO order until none
 * is left or the turn's budget is spent (Netty's task quantum); once stopping, cancel what is left
 * and release the selector.
 *
 * <p>Threading: as stated on each method; "loop thread" methods are called only by code that
 * already checked it (the public API in {@link EventLoop} does).
 */
final class LoopCore {

    private final LoopOptions options;
    private final LoopClock clock;
    private final long slowNanos;
    private final Thread thread;
    private final IoSelector io = new IoSelector();
    private final TimerQueue timers = new TimerQueue();
    /** Loop-thread submissions and done-callbacks, in order. */
    private final ReadyQueue ready;
    /** Submissions from other threads, moved to {@link #ready} at the start of each phase. */
    private final Queue<Runnable> submissions = new ConcurrentLinkedQueue<>();
    /** The live tasks and what is owed to them and to leftover callbacks at shutdown. */
    private final LoopShutdown shutdown;
    /** Run on the loop thread once the selector is closed (the bridges fail their futures). */
    private final Runnable onStopped;
    private volatile LoopState state = LoopState.NEW;

    /**
     * Callbacks per turn before I/O is polled again, whatever is still ready: bounds how long a
     * flood of ready callbacks can keep I/O and timers waiting.
     */
    static final int MAX_CALLBACKS_PER_TURN = 1024;
    /** The turn's time budget for ready callbacks, in nanoseconds (checked every 64 callbacks). */
    static final long MAX_TURN_NANOS = 1_000_000;
    private static final VarHandle CALLBACKS_RUN;

    static {
        try {
            CALLBACKS_RUN = MethodHandles.lookup().findVarHandle(LoopCore.class, "callbacksRun", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean debug;
    /** The gate's probe ({@link LoopOptions#injectedSpinNanos()}), run before each ready callback; null when off. */
    private final InjectedSpin spin;
    /**
     * Debug mode or the gate's probe is on: {@link #runReady} then wraps or delays each callback.
     * One flag, so a plain loop's per-callback path tests one field, not two.
     */
    private final boolean instrumented;
    private final Consumer<SelectionKey> ioDispatch = this::runIoHandler;
    private final Consumer<Runnable> enqueue;

    // written by the loop thread only, read by any thread through stats(); callbacksRun through CALLBACKS_RUN
    private long callbacksRun;
    private volatile long callbackFailures;
    private volatile long slowCallbacks;
    private volatile long maxCallbackNanos;
    private volatile long taskFailures;

    LoopCore(EventLoop loop, LoopOptions options, Runnable onStopped) {
        this.options = options;
        this.clock = options.clock();
        this.slowNanos = options.slowCallbackThreshold().toNanos();
        this.debug = options.debug();
        this.spin = InjectedSpin.forNanos(options.injectedSpinNanos());
        this.instrumented = debug || spin != null;
        this.onStopped = onStopped;
        this.thread = Thread.ofPlatform().name(options.threadName()).daemon(true).unstarted(this::run);
        this.ready = new ReadyQueue(loop, thread, debug);
        this.enqueue = ready::add;
        this.shutdown = new LoopShutdown(options, thread, this::countTaskFailure);
    }

    /** Starts the loop thread. Once, by the creator. */
    void start() {
        state = LoopState.RUNNING;
        thread.start();
    }

    LoopState state() {
        return state;
    }

    long now() {
        return clock.nanoTime();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    String threadName() {
        return thread.getName();
    }

    /** The loop's thread (not yet started before {@link #start()}). */
    Thread thread() {
        return thread;
    }

    /** Throws unless on the loop thread; {@code what} names the caller in the message. Any thread. */
    void checkInLoop(String what) {
        if (Thread.currentThread() != thread) {
            throw notInLoop(what);
        }
    }

    /** The failure of {@link #checkInLoop}, out of line so the check itself stays small enough to inline everywhere. */
    private IllegalStateException notInLoop(String what) {
        Thread caller = Thread.currentThread();
        return new IllegalStateException(what + " must be called on the loop thread '" + thread.getName()
                + "' (#" + thread.threadId() + "), not on '" + caller.getName() + "' (#" + caller.threadId() + ")");
    }

    /** A snapshot of the counters. Any thread. */
    LoopStats stats() {
        return new LoopStats((long) CALLBACKS_RUN.getOpaque(this), callbackFailures, slowCallbacks, maxCallbackNanos, taskFailures);
    }

    // ---- scheduling -------------------------------------------------------------------------

    /** {@link EventLoop#execute} with {@code callback} already traced. Any thread. */
    void execute(Runnable callback) {
        if (inLoop()) {
            ready.add(callback);
            return;
        }
        rejectUnlessRunning();
        submissions.add(callback);
        // The shutdown race: close() may have begun between the check above and the add. Either the
        // loop's final drain already took the callback (it runs, or is reported dropped), or we take
        // it back and reject it; a callback added while the state still read RUNNING is always seen
        // by the drain, which starts only after the state left RUNNING. Without this, a steady
        // submitter could feed the drain forever and close() would never return.
        if (state != LoopState.RUNNING && submissions.remove(callback)) {
            rejectUnlessRunning();
        }
        io.wakeupIfSleeping();
    }

    private void rejectUnlessRunning() {
        LoopState now = state;
        if (now != LoopState.RUNNING) {
            throw new RejectedExecutionException("event loop '" + thread.getName() + "' is " + now);
        }
    }

    /** The ready queue, which {@link EventLoop} and each future hold too: a completion reaches it in fewer loads. Loop thread. */
    ReadyQueue readyQueue() {
        return ready;
    }

    /** {@link EventLoop#callAt} with {@code callback} already traced. Any thread. */
    TimerHandle callAt(long deadlineNanos, Runnable callback) {
        TimerHandle handle = timers.newHandle(deadlineNanos, callback);
        if (inLoop()) {
            timers.insert(handle);
        } else {
            // the heap is loop-confined: hand the timer over; the handle is cancellable at once
            execute(() -> timers.insert(handle));
        }
        return handle;
    }

    /** Keeps {@code task} alive until it is done, and cancels it at shutdown. Loop thread. */
    void track(LoopTask<?> task) {
        shutdown.track(task);
    }

    /** Registers {@code channel} with the selector. Loop thread. */
    SelectionKey register(SelectableChannel channel, int ops) throws IOException {
        return io.register(channel, ops);
    }

    void countCallbackFailure(Object described, RuntimeException e) {
        callbackFailures++;  // rare: a plain volatile write is fine
        options.listener().callbackFailed(described, e);
    }

    void countTaskFailure(String name, Throwable error) {
        taskFailures++;
        options.listener().taskFailed(name, error);
    }

    boolean isSleeping() {
        return io.isSleeping();
    }

    long wakeups() {
        return io.wakeups();
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** RUNNING becomes STOPPING; then wakes the loop and joins its thread unless called on it. Any thread. */
    void stop() {
        synchronized (this) {
            if (state == LoopState.RUNNING) {
                state = LoopState.STOPPING;
            }
        }
        if (inLoop()) {
            return;
        }
        // not a no-op submission: one that lands after the final drain would be reported as dropped
        io.wakeup();
        Uninterruptibly.join(thread);
    }

    /** The loop thread's body. */
    private void run() {
        try {
            while (state == LoopState.RUNNING) {
                runOnce(-1);
            }
            drainOnShutdown();
            releaseResources();
            state = LoopState.TERMINATED;
            shutdown.reportDroppedSubmissions(submissions);
        } catch (Error e) {
            state = LoopState.FAILED;
            releaseResources();
            shutdown.reportDroppedSubmissions(submissions);
            throw e;
        } catch (IOException e) {
            state = LoopState.FAILED;
            releaseResources();
            throw new UncheckedIOException("event loop selector failed", e);
        }
    }

    /**
     * One turn of the loop: I/O, due timers, then ready callbacks in FIFO order, including those
     * they schedule, until the queue is empty or the turn's budget ({@value #MAX_CALLBACKS_PER_TURN}
     * callbacks or {@value #MAX_TURN_NANOS} ns, as Netty's task quantum) is spent; then I/O is polled
     * again, so a flood of ready callbacks cannot starve I/O or timers. Waits for I/O at most
     * {@code maxWaitNanos} (-1: no limit but the next timer).
     */
    private void runOnce(long maxWaitNanos) throws IOException {
        moveSubmissions();
        long timeout = ready.isEmpty() ? timers.nanosToNextDeadline(clock.nanoTime()) : 0;
        if (maxWaitNanos >= 0 && (timeout < 0 || timeout > maxWaitNanos)) {
            timeout = maxWaitNanos;
        }
        io.select(timeout, submissions);
        long start = clock.nanoTime();
        io.dispatchReady(ioDispatch);
        timers.moveDue(start, enqueue);
        moveSubmissions();
        runReadyBatch(start);
        if (!debug) {
            // outside debug mode a stretch between two I/O polls is timed, not each callback: over the
            // threshold it counts as one slow callback (I/O waited that long); the longest bounds any one
            recordTook(clock.nanoTime() - start);
        }
    }

    private void moveSubmissions() {
        for (Runnable r = submissions.poll(); r != null; r = submissions.poll()) {
            ready.add(r);
        }
    }

    /** Runs ready callbacks until none is left or the turn's budget is spent (time checked every 64). */
    private void runReadyBatch(long start) {
        for (int n = 1; n <= MAX_CALLBACKS_PER_TURN; n++) {
            Object entry = ready.poll();
            if (entry == null) {
                return;
            }
            runReady(entry);
            if ((n & 63) == 0 && clock.nanoTime() - start > MAX_TURN_NANOS) {
                return;
            }
        }
    }

    /** Runs one entry of the ready queue ({@link ReadyQueue#poll()}). */
    private void runReady(Object next) {
        if (!instrumented) {
            runIsolated(next, next);
            return;
        }
        Object entry = spin == null ? next : spin.before(next);
        if (debug) {
            Runnable whole = ReadyQueue.asRunnable(entry);
            runTimed(whole, whole);
        } else {
            runIsolated(entry, entry);
        }
    }

    private void runIoHandler(SelectionKey key) {
        IoRegistration registration = (IoRegistration) key.attachment();
        int readyOps = key.readyOps();
        Runnable handler = () -> {
            try {
                registration.handler().ready(registration, readyOps);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (debug) {
            runTimed(handler, registration);
            return;
        }
        countRun();
        try {
            registration.handler().ready(registration, readyOps);
        } catch (IOException e) {
            countCallbackFailure(registration, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            countCallbackFailure(registration, e);
        }
    }

    /** Runs one ready-queue entry ({@link ReadyQueue#run}): a failure is counted and reported, an Error stops the loop. */
    private void runIsolated(Object entry, Object described) {
        countRun();
        try {
            ReadyQueue.run(entry);
        } catch (RuntimeException e) {
            countCallbackFailure(described, e);
        }
    }

    /** Debug mode: {@link #runIsolated}, timing this one callback and reporting it when slow. */
    private void runTimed(Runnable callback, Object described) {
        long start = clock.nanoTime();
        try {
            runIsolated(callback, described);
        } finally {
            long took = clock.nanoTime() - start;
            if (recordTook(took)) {
                options.listener().slowCallback(new SlowCallback(String.valueOf(described), took,
                        TracedCallback.origin(callback)));
            }
        }
    }

    /** Counts one timed callback or stretch, in nanoseconds: the longest so far; true when it was slow. */
    private boolean recordTook(long took) {
        if (took > maxCallbackNanos) {
            maxCallbackNanos = took;
        }
        if (took <= slowNanos) {
            return false;
        }
        slowCallbacks++;
        return true;
    }

    /** One more callback run: an opaque store, visible to {@link #stats()} on any thread without a fence. */
    private void countRun() {
        CALLBACKS_RUN.setOpaque(this, callbacksRun + 1);
    }

    /**
     * asyncio's shutdown in {@code run}: {@link LoopShutdown#drain} turns this loop until the tasks
     * have finished their cleanup or the grace ran out; then no timer is left to fire.
     */
    private void drainOnShutdown() throws IOException {
        shutdown.drain(ready, submissions, this::runOnce);
        timers.clear();
    }

    private void releaseResources() {
        io.closeAll(options.listener());
        onStopped.run();
    }
}
