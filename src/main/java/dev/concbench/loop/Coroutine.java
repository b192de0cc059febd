package dev.concbench.loop;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * asyncio's coroutine on our loop: straight-line code with {@link #await} at each switch point,
 * loops written as loops. {@link EventLoop#spawnCoroutine} runs a body as a coroutine and returns
 * its {@link LoopTask}; inside, {@code await(future)} suspends the coroutine until the future is
 * done and returns its value, or throws its exception.
 *
 * <pre>{@code
 * import static dev.concbench.loop.Coroutine.await;
 *
 * LoopTask<String> task = loop.spawnCoroutine("fetch", () -> {
 *     for (int i = 0; i < 3; i++) {
 *         await(loop.sleep(Duration.ofMillis(10)));
 *     }
 *     return "done";
 * });
 * }</pre>
 *
 * <p>Threading and switch points: every step runs on the loop thread, one callback long, and
 * nothing else runs on the loop between two awaits of a coroutine, so the switch points are
 * exactly the awaits (as in asyncio). An await of a future that is already done does not switch.
 * A coroutine that never awaits holds the loop as long as it runs, exactly as in asyncio, and the
 * loop's slow-callback report names it ({@code coroutine 'name'}).
 *
 * <p>Failure: an exception escaping the body fails the task (and whatever awaits it), never the
 * loop; so does an {@link Error} such as an {@link AssertionError} or a {@link StackOverflowError}
 * (the overflow is confined to the coroutine's own frames, unwound by the time it reaches us). The
 * other {@link VirtualMachineError}s ({@link OutOfMemoryError}, {@link InternalError}) fail the
 * task and are then rethrown, stopping the loop as any callback's {@code Error} does: after them
 * the JVM may not be able to go on, and a loop that pretended otherwise would hide it (asyncio
 * likewise sets {@code SystemExit} on the task and re-raises it).
 *
 * <p>Cancellation follows asyncio's {@code Task.cancel()}: it is a request, and the task is done
 * only once the coroutine is. Cancelling the task while it is parked in {@code await} cancels the
 * awaited future and resumes the coroutine with a {@link CancellationException} thrown by that
 * await, so its {@code finally} blocks run (and may await: the request is delivered once) before
 * the task completes. If the exception escapes the body, the task is cancelled; if the coroutine
 * swallows it, the coroutine goes on and the task completes with whatever the body returns or
 * throws ({@code isCancelled()} false), as asyncio's does; a later {@code cancel()} is a new
 * request. Cancelled while it runs (by itself or by code it calls), the request is delivered at its
 * next await, or cancels the task if the body returns first. Cancelled before its first step, the
 * body never runs and the task is cancelled at once. A coroutine cannot await its own task (the
 * await throws {@link IllegalStateException}, as asyncio's "Task cannot await on itself"); a cycle
 * of coroutines awaiting each other is cancelled round the cycle, each task once (see
 * {@link #requestCancel()}). Cancelled after the future it awaited succeeded and before it ran on,
 * the await throws, and a permit or queue item that future handed over (itself or through wrappers
 * that carry it, such as {@code waitFor} and {@code map}) goes back ({@code Handover}); a put whose item a getter already took stays done and the await returns, the
 * request waiting for the next await.
 *
 * <p>Pinning: an await under a native frame (a static initializer, a JNI or foreign-function
 * upcall) or in a JDK critical section cannot suspend: the JDK refuses to move such a stack off the
 * thread, and the await throws {@link IllegalStateException} naming the reason instead of hanging
 * (inside a static initializer it reaches the caller as an {@link ExceptionInInitializerError},
 * which fails the task). An await inside {@code synchronized} is refused the same way, though the
 * JDK (24 and later, JEP 491) would suspend it: the monitor would stay locked while the coroutine
 * waits, and the next coroutine to enter it would block the loop thread for ever, since only the
 * loop could resume the holder. {@link ContinuationAccess} sees it in every mode, in a few
 * nanoseconds, when the monitor is on the thread's lock stack (a plain, nested or recursive block
 * or method, contended or hashed while held); a monitor the JVM has inflated before or while the
 * coroutine holds it ({@code wait}, earlier contention) leaves no cheap trace, and only debug mode
 * ({@link LoopOptions#debug()}, a stack walk of tens to hundreds of microseconds) finds it: in the default mode
 * such an await suspends with the loop thread still owning the monitor, and another coroutine can
 * then enter it (docs/event-loop.md has the table of cases). Guard such a section with an
 * {@link AsyncSemaphore} of one permit ({@link #acquire}), which suspends instead of blocking.
 *
 * <p>How the suspension works is isolated in {@link ContinuationAccess}; it needs the JVM flags
 * {@link #JVM_FLAGS}, and without one the first coroutine fails with one line naming it.
 *
 * @param <T> the result type
 */
public final class Coroutine<T> implements Runnable {

    /** A coroutine's body that computes a value. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    /** A coroutine's body that only acts. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * The JVM flags coroutines need, for command lines that start a JVM which may run them (JMH
     * forks): continuations, and the lock-stack probe that refuses an await inside
     * {@code synchronized}. The jar's manifest gives them to {@code java -jar}, the pom to the
     * compiler and tests.
     */
    public static final List<String> JVM_FLAGS = List.of(ContinuationAccess.FLAG, LockStack.FLAG);

    private final EventLoop loop;
    private final LoopTask<T> task;
    private final ContinuationAccess.Frame frame;
    /** The future this coroutine is suspended on, or null while it runs or is ready to. */
    private LoopFuture<?> parkedOn;
    /** Whether the first step has run. */
    private boolean started;
    /** A cancel request not yet delivered at an await. */
    private boolean cancelRequested;
    /** {@link #requestCancel} is passing the request on to what this coroutine awaits. */
    private boolean passingOn;

    private Coroutine(EventLoop loop, LoopTask<T> task, Body<T> body) {
        this.loop = loop;
        this.task = task;
        this.frame = ContinuationAccess.newFrame(this, () -> runBody(body));
    }

    /** A coroutine that completes {@code task}; its first step is {@link #run()}. Loop thread. */
    static <T> Coroutine<T> create(EventLoop loop, LoopTask<T> task, Body<T> body) {
        CoroutineRefusals.requireFlag();
        Coroutine<T> coroutine = new Coroutine<>(loop, task, body);
        task.runBy(coroutine);
        return coroutine;
    }

    /**
     * Runs {@code body} as a coroutine on {@code loop} (asyncio's {@code run_coroutine_threadsafe})
     * and returns a {@link CompletableFuture} of its outcome; cancelling that future cancels the
     * coroutine, as asyncio's does. Any thread; never {@code join()} it on the loop thread.
     */
    public static <T> CompletableFuture<T> run(EventLoop loop, String name, Body<T> body) {
        CoroutineRefusals.requireFlag();
        return loop.submit(() -> loop.spawnCoroutine(name, body));
    }

    /**
     * asyncio's {@code await}: suspends the running coroutine until {@code future} is done.
     *
     * @return the future's value
     * @throws CancellationException when the future was cancelled, or the coroutine was cancelled
     *                               while suspended here
     * @throws RuntimeException      the future's failure itself when it is unchecked (an
     *                               {@link Error} likewise); a checked failure wrapped in a
     *                               {@link CompletionException}
     * @throws IllegalStateException outside a coroutine, or when the coroutine is pinned here
     */
    public static <V> V await(LoopFuture<V> future) {
        return current("Coroutine.await").suspendUntilDone(future);
    }

    /** {@code await asyncio.sleep(delay)}. */
    public static void sleep(Duration delay) {
        Coroutine<?> self = current("Coroutine.sleep");
        self.suspendUntilDone(self.loop.sleep(delay));
    }

    /**
     * {@code await asyncio.sleep(0)}: lets every callback and coroutine that is ready now run
     * before this coroutine goes on.
     */
    public static void yieldNow() {
        Coroutine<?> self = current("Coroutine.yieldNow");
        LoopFuture<Void> turn = self.loop.newFuture();
        self.loop.callSoon(() -> turn.complete(null));
        self.suspendUntilDone(turn);
    }

    /** The loop the running coroutine runs on. */
    public static EventLoop loop() {
        return current("Coroutine.loop").loop;
    }

    /**
     * {@code async for x in iterator}: an {@link Iterable} for a {@code for} loop in a coroutine;
     * each step awaits the iterator's next element.
     */
    public static <E> Iterable<E> each(AsyncIterator<E> iterator) {
        current("Coroutine.each");
        return () -> new Iterator<>() {
            private Optional<E> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = await(iterator.next());
                }
                return next.isPresent();
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the async iterator is exhausted");
                }
                E element = next.get();
                next = null;
                return element;
            }
        };
    }

    /**
     * {@code async with semaphore:} for try-with-resources: awaits a permit; closing returns it.
     * {@code try (var permit = Coroutine.acquire(semaphore)) { ... }}
     */
    public static Held acquire(AsyncSemaphore semaphore) {
        await(semaphore.acquire());
        return semaphore::release;
    }

    /**
     * {@code async with resource:} for try-with-resources: closing awaits
     * {@link AsyncResource#closeAsync()}. {@code try (var scope = Coroutine.closing(db)) { ... }}
     */
    public static Held closing(AsyncResource resource) {
        current("Coroutine.closing");
        return () -> await(resource.closeAsync());
    }

    /** Something held for a try-with-resources block in a coroutine; closing it may await. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The first step (the loop's callback for this coroutine); later steps resume at an await. */
    @Override
    public void run() {
        if (!task.isDone()) {
            started = true;
            frame.resume();
        }
    }

    /**
     * {@link LoopTask#cancel()} of this coroutine's task: before the first step, cancels the task at
     * once; afterwards asks the coroutine to stop at its await (see the class comment). Loop thread.
     *
     * <p>A cycle of awaits (this coroutine awaits a task that awaits, directly or through others,
     * this one) would pass the request round for ever: cancelling what this coroutine awaits
     * cancels this task again. Such a request coming back while this one is passed on is where the
     * cycle closes: this coroutine is woken at once, without waiting for what it awaits, and its await
     * throws; once its task is done, the others wake in turn. Each task is cancelled once.
     *
     * @return false when the task is already done
     */
    boolean requestCancel() {
        if (task.isDone()) {
            return false;
        }
        if (!started) {
            return task.cancelNow();
        }
        if (passingOn) {
            wakeToCancel();
            return true;
        }
        cancelRequested = true;
        LoopFuture<?> awaited = parkedOn;
        if (awaited != null) {
            passingOn = true;
            try {
                awaited.cancel();  // its done-callback resumes the coroutine, whose await then throws
            } finally {
                passingOn = false;
            }
        }
        return true;
    }

    /** Resumes the parked coroutine on the loop's next turn, whatever it awaits: its await throws the request. */
    private void wakeToCancel() {
        LoopFuture<?> awaited = parkedOn;
        if (awaited != null) {
            loop.callSoon(loop.traced(new Resume(awaited), this));  // the awaited future's own Resume is then stale
        }
    }

    @Override
    public String toString() {
        return "coroutine '" + task.name() + "'";
    }

    private void runBody(Body<T> body) {
        try {
            T value = body.run();
            if (cancelRequested) {
                task.cancelNow();  // asyncio: cancelled right before the coroutine returned
            } else {
                task.complete(value);
            }
        } catch (Exception e) {
            task.fail(e);  // a CancellationException cancels it
        } catch (StackOverflowError e) {
            task.fail(e);  // confined to this coroutine's frames, which are unwound by now
        } catch (VirtualMachineError e) {
            task.fail(e);
            throw e;  // the JVM may not go on: the loop stops, as for any callback's Error
        } catch (Error e) {
            task.fail(e);
        }
    }

    private <V> V suspendUntilDone(LoopFuture<V> future) {
        if (future.loop() != loop) {
            throw CoroutineRefusals.otherLoop(this);
        }
        if (future == task) {
            throw CoroutineRefusals.ownTask(this);
        }
        boolean requestedBefore = cancelRequested;
        if (!requestedBefore && !future.isDone()) {
            parkedOn = future;  // cancelling the task cancels it, which resumes the coroutine
            future.whenDone(loop.traced(new Resume(future), this));
            String pinnedBy = ContinuationAccess.suspend(frame, loop.options().debug());
            if (pinnedBy != null) {
                parkedOn = null;
                throw CoroutineRefusals.pinned(this, pinnedBy);
            }
        }
        if (cancelRequested) {
            if (requestedBefore) {
                future.cancel();  // requested while running: the future is not awaited after all (no effect when done)
            }
            // a permit or item handed over before the request goes back; a put a getter already took stays done,
            // and the request waits for the next await
            if (future.giveBack()) {
                cancelRequested = false;  // delivered once: cleanup may await again
                throw new CancellationException(this + " was cancelled");
            }
        }
        Throwable failure = future.exception();
        if (failure == null) {
            return future.result();
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new CompletionException(failure);
    }

    private static Coroutine<?> current(String what) {
        CoroutineRefusals.requireFlag();
        Coroutine<?> self = ContinuationAccess.current();
        if (self == null) {
            throw CoroutineRefusals.outsideCoroutine(what);
        }
        return self;
    }

    /** Empty when this JVM can run coroutines; otherwise one line naming the missing JVM flag. Any thread. */
    public static Optional<String> unavailable() {
        return Optional.ofNullable(CoroutineRefusals.MISSING_FLAG);
    }

    /** The done-callback that resumes the coroutine where it awaited {@code awaited}. */
    private final class Resume implements Runnable {

        private final LoopFuture<?> awaited;

        private Resume(LoopFuture<?> awaited) {
            this.awaited = awaited;
        }

        @Override
        public void run() {
            if (parkedOn == awaited) {  // else the await gave up (pinned) and this is stale
                parkedOn = null;
                frame.resume();
            }
        }

        @Override
        public String toString() {
            return Coroutine.this.toString();
        }
    }
}
