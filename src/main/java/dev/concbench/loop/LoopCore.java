package dev.concbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engine under {@link EventLoop}: its thread, ready queue, timers, selector, counters and
 * lifecycle. {@link #run()} reads as the algorithm: while RUNNING, wait for I/O no longer than the
 * time to the next timer (not at all when callbacks are ready), run the I/O handlers of ready
 * channels, move due timers to the ready queue, then run the callbacks that were ready at that
 * point, in FIFO order; once stopping, cancel what is left and release the selector.
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
    /** Loop-thread submissions, in order. */
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /** Submissions from other threads, moved to {@link #ready} at the start of each phase. */
    private final Queue<Runnable> submissions = new ConcurrentLinkedQueue<>();
    private final Set<LoopTask<?>> liveTasks = new LinkedHashSet<>();
    /** Run on the loop thread once the selector is closed (the bridges fail their futures). */
    private final Runnable onStopped;
    private volatile LoopState state = LoopState.NEW;

    // written by the loop thread only, read by any thread through stats()
    private volatile long callbacksRun;
    private volatile long callbackFailures;
    private volatile long slowCallbacks;
    private volatile long maxCallbackNanos;
    private volatile long taskFailures;

    LoopCore(LoopOptions options, Runnable onStopped) {
        this.options = options;
        this.clock = options.clock();
        this.slowNanos = options.slowCallbackThreshold().toNanos();
        this.onStopped = onStopped;
        this.thread = Thread.ofPlatform().name(options.threadName()).daemon(true).unstarted(this::run);
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

    /** Throws unless on the loop thread; {@code what} names the caller in the message. Any thread. */
    void checkInLoop(String what) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(what + " must be called on the loop thread '" + thread.getName()
                    + "', not on '" + Thread.currentThread().getName() + "'");
        }
    }

    /** A snapshot of the counters. Any thread. */
    LoopStats stats() {
        return new LoopStats(callbacksRun, callbackFailures, slowCallbacks, maxCallbackNanos, taskFailures);
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

    /** Queues a callback from the loop thread (futures' done-callbacks). */
    void callSoon(Runnable callback) {
        ready.add(callback);
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
        liveTasks.add(task);
        task.onDone(liveTasks::remove);
    }

    /** Registers {@code channel} with the selector. Loop thread. */
    SelectionKey register(SelectableChannel channel, int ops) throws IOException {
        return io.register(channel, ops);
    }

    void countCallbackFailure(Object described, RuntimeException e) {
        callbackFailures++;
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
                runOnce();
            }
            drainOnShutdown();
            releaseResources();
            state = LoopState.TERMINATED;
            reportDroppedSubmissions();
        } catch (Error e) {
            state = LoopState.FAILED;
            releaseResources();
            reportDroppedSubmissions();
            throw e;
        } catch (IOException e) {
            state = LoopState.FAILED;
            releaseResources();
            throw new UncheckedIOException("event loop selector failed", e);
        }
    }

    /** One turn of the loop: I/O, due timers, then the callbacks ready at that point. */
    private void runOnce() throws IOException {
        moveSubmissions();
        long timeout = ready.isEmpty() ? timers.nanosToNextDeadline(clock.nanoTime()) : 0;
        io.select(timeout, submissions);
        io.dispatchReady(this::runIoHandler);
        timers.moveDue(clock.nanoTime(), ready::add);
        moveSubmissions();
        for (int n = ready.size(); n > 0; n--) {
            runReady(ready.poll());
        }
    }

    private void moveSubmissions() {
        for (Runnable r = submissions.poll(); r != null; r = submissions.poll()) {
            ready.add(r);
        }
    }

    private void runReady(Runnable callback) {
        long spin = options.injectedSpinNanos();
        if (spin > 0) {
            InjectedSpin.busyWait(spin);
        }
        runCounted(callback, callback);
    }

    private void runIoHandler(SelectionKey key) {
        IoRegistration registration = (IoRegistration) key.attachment();
        int readyOps = key.readyOps();
        runCounted(() -> {
            try {
                registration.handler().ready(registration, readyOps);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, registration);
    }

    /** Runs one callback, timing it: failures are counted and reported, an Error stops the loop. */
    private void runCounted(Runnable callback, Object described) {
        long start = clock.nanoTime();
        try {
            callback.run();
        } catch (RuntimeException e) {
            callbackFailures++;
            options.listener().callbackFailed(described, e);
        } finally {
            long took = clock.nanoTime() - start;
            callbacksRun++;
            if (took > maxCallbackNanos) {
                maxCallbackNanos = took;
            }
            if (took > slowNanos) {
                slowCallbacks++;
                if (options.debug()) {
                    options.listener().slowCallback(new SlowCallback(String.valueOf(described), took,
                            TracedCallback.origin(callback)));
                }
            }
        }
    }

    /** asyncio's shutdown in {@code run}: cancel what is left, let the cancellations run. */
    private void drainOnShutdown() {
        timers.clear();
        new ArrayList<>(liveTasks).forEach(LoopTask::cancel);
        moveSubmissions();
        while (!ready.isEmpty()) {
            runReady(ready.poll());
            moveSubmissions();
        }
    }

    private void releaseResources() {
        for (SelectionKey key : io.keys()) {
            if (key.attachment() instanceof IoRegistration r && r.ownedByLoop()) {
                closeQuietly(key.channel());
            }
            key.cancel();
        }
        try {
            io.close();
        } catch (IOException e) {
            options.listener().callbackFailed("selector close", new UncheckedIOException(e));
        }
        onStopped.run();
    }

    /** Callbacks that raced with the end of shutdown cannot run any more: say so rather than drop them silently. */
    private void reportDroppedSubmissions() {
        // poll, not size() then clear(): a submitter that fails to take its callback back counts on it being counted here
        int dropped = 0;
        while (submissions.poll() != null) {
            dropped++;
        }
        if (dropped > 0) {
            options.listener().callbackFailed("shutdown", new RejectedExecutionException(
                    dropped + " callback(s) submitted while event loop '" + thread.getName() + "' was stopping were dropped"));
        }
    }

    private void closeQuietly(SelectableChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            options.listener().callbackFailed("close " + channel, new UncheckedIOException(e));
        }
    }
}
