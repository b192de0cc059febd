package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a coroutine can hold a monitor at an await, as measured on JDK 25 (docs/event-loop.md has
 * the table): the ones on the thread's lock stack fail the await with the clear error in every mode,
 * the inflated ones in debug mode; the holder's task fails, the loop stays RUNNING, another coroutine
 * finishes, and the monitor is free afterwards. A monitor entered before the coroutine was resumed,
 * or entered and left between two awaits, is no error.
 */
@Timeout(60)
class CoroutineMonitorCasesTest {

    /** How a coroutine comes to hold {@code lock} at its await. */
    @FunctionalInterface
    private interface Holding {
        String awaitHolding(EventLoop loop, Object lock) throws Exception;
    }

    /** One case: its name, whether the monitor is on the lock stack at the await, and the body. */
    private record Case(String name, boolean onLockStack, Holding body) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Stream<Case> cases() {
        return Stream.of(
                new Case("a plain block", true, (loop, lock) -> {
                    synchronized (lock) {
                        return sleepThenResume(loop);
                    }
                }),
                new Case("(a) a block another platform thread contends on", true, CoroutineMonitorCasesTest::contended),
                new Case("(b) a block that waited before the await", false, (loop, lock) -> {
                    synchronized (lock) {
                        lock.wait(1);  // inflates the monitor and takes it off the lock stack
                        return sleepThenResume(loop);
                    }
                }),
                new Case("(c) a block whose object was hashed", true, (loop, lock) -> {
                    synchronized (lock) {
                        System.identityHashCode(lock);
                        return sleepThenResume(loop);
                    }
                }),
                new Case("(d) a recursive entry", true, (loop, lock) -> {
                    synchronized (lock) {
                        synchronized (lock) {
                            return sleepThenResume(loop);
                        }
                    }
                }),
                new Case("(d) a recursive entry across another monitor", false,
                        CoroutineMonitorCasesTest::reenteredAcross),
                new Case("(e) a synchronized method", true, (loop, lock) -> new Guarded().awaitInside(loop)),
                new Case("(f) a monitor inflated before it was entered", false, (loop, lock) -> {
                    inflate(lock);
                    synchronized (lock) {
                        return sleepThenResume(loop);
                    }
                }),
                new Case("nine nested blocks (more than the lock stack holds)", true, (loop, lock) -> nested(loop, 9)));
    }

    private static Stream<Case> onTheLockStack() {
        return cases().filter(Case::onLockStack);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onTheLockStack")
    void inTheDefaultModeAnAwaitHoldingAMonitorOnTheLockStackFails(Case held) throws Exception {
        assertCaught(LoopOptions.defaults(), held);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inDebugModeEveryAwaitHoldingAMonitorFails(Case held) throws Exception {
        assertCaught(LoopOptions.defaults().withDebug(true), held);
    }

    /**
     * What the default mode lets through, as docs/event-loop.md says (the cases whose inflation is
     * certain; a monitor inflated earlier may have been deflated by the time it is entered): the
     * await suspends while the loop thread owns the monitor. Fails when a JDK changes this.
     */
    @Test
    void theDefaultModeLetsAnInflatedMonitorThroughAsDocumented() throws Exception {
        for (Case held : cases().filter(c -> c.name().startsWith("(b)") || c.name().contains("across")).toList()) {
            try (ManualLoop m = new ManualLoop()) {
                Object lock = new Object();
                LoopTask<String> task = m.call(() -> m.loop.spawnCoroutine("holder",
                        () -> held.body().awaitHolding(m.loop, lock)));
                m.settle();
                assertTrue(m.call(() -> Thread.holdsLock(lock)), held + ": the suspended coroutine's monitor");
                m.advance(Duration.ofSeconds(1));
                assertEquals("resumed", m.call(task::result), held.name());
            }
        }
    }

    @Test
    void monitorsEnteredAndLeftBetweenAwaitsAreNoError() throws Exception {
        for (LoopOptions options : List.of(LoopOptions.defaults(), LoopOptions.defaults().withDebug(true))) {
            try (ManualLoop m = new ManualLoop(options)) {
                Object fast = new Object();
                Object inflated = new Object();
                LoopTask<String> task = m.call(() -> m.loop.spawnCoroutine("between", () -> {
                    synchronized (fast) {
                        System.identityHashCode(fast);
                    }
                    sleepThenResume(m.loop);
                    inflate(inflated);
                    synchronized (inflated) {
                        inflated.notifyAll();
                    }
                    return sleepThenResume(m.loop);
                }));
                m.advance(Duration.ofSeconds(1));
                m.advance(Duration.ofSeconds(1));
                assertEquals("resumed", m.call(task::result), "debug " + options.debug());
            }
        }
    }

    @Test
    void anInflatedMonitorTheLoopThreadHeldBeforeTheResumeIsNoError() throws Exception {
        for (LoopOptions options : List.of(LoopOptions.defaults(), LoopOptions.defaults().withDebug(true))) {
            try (ManualLoop m = new ManualLoop(options)) {
                Object outer = new Object();
                LoopTask<String> task = m.call(() -> {
                    LoopTask<String> started = new LoopTask<>(m.loop, "under a lock");
                    Coroutine<String> coroutine = Coroutine.create(m.loop, started, () -> sleepThenResume(m.loop));
                    synchronized (outer) {
                        waitBriefly(outer);  // inflates it, off the lock stack
                        coroutine.run();  // its first step, while the loop thread holds the inflated monitor
                    }
                    return started;
                });
                m.advance(Duration.ofSeconds(1));
                assertEquals("resumed", m.call(task::result), "debug " + options.debug());
                assertFalse(m.call(() -> Thread.holdsLock(outer)));
            }
        }
    }

    /**
     * A monitor on the loop thread's lock stack when the coroutine is resumed would be carried away
     * with the suspended frames (the JDK moves the whole lock stack; measured on JDK 25: the loop
     * thread then no longer holds it inside its own block, and a later resume brings a phantom entry
     * back), so that await fails with its own message and the loop thread keeps its monitor.
     */
    @Test
    void aLockStackMonitorTheLoopThreadHeldBeforeTheResumeFailsTheAwaitAndStaysTheLoops() throws Exception {
        try (ManualLoop m = new ManualLoop()) {
            Object outer = new Object();
            boolean[] stillHeld = {false};
            LoopTask<String> task = m.call(() -> {
                LoopTask<String> started = new LoopTask<>(m.loop, "under a lock");
                Coroutine<String> coroutine = Coroutine.create(m.loop, started, () -> sleepThenResume(m.loop));
                synchronized (outer) {
                    coroutine.run();
                    stillHeld[0] = Thread.holdsLock(outer);
                }
                return started;
            });
            IllegalStateException failure = assertInstanceOf(IllegalStateException.class, m.call(task::exception));
            assertTrue(failure.getMessage().contains("pinned by a monitor the loop thread entered before resuming it"),
                    failure.getMessage());
            assertTrue(m.call(() -> stillHeld[0]), "the loop thread lost its monitor");
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }

    private static void assertCaught(LoopOptions options, Case held) throws Exception {
        try (ManualLoop m = new ManualLoop(options)) {
            Object lock = new Object();
            LoopTask<String> holder = m.call(() -> m.loop.spawnCoroutine("holder",
                    () -> held.body().awaitHolding(m.loop, lock)));
            LoopTask<String> bystander = m.call(() -> m.loop.spawnCoroutine("bystander",
                    () -> sleepThenResume(m.loop)));
            m.advance(Duration.ofSeconds(1));
            IllegalStateException failure =
                    assertInstanceOf(IllegalStateException.class, m.call(holder::exception), held.name());
            String message = failure.getMessage();
            assertTrue(message.contains("cannot await inside synchronized on loop thread"), message);
            assertTrue(message.contains("pinned by a synchronized block or method"), message);
            assertFalse(message.contains("\n"), message);
            assertEquals("resumed", m.call(bystander::result));
            assertFalse(m.call(() -> Thread.holdsLock(lock)), "the failed await left the monitor held");
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }

    private static String sleepThenResume(EventLoop loop) {
        return await(loop.sleep(Duration.ofSeconds(1)).map(v -> "resumed"));
    }

    /** Inflates {@code lock}'s monitor (a timed wait does) and leaves it. */
    private static void inflate(Object lock) throws InterruptedException {
        synchronized (lock) {
            lock.wait(1);
        }
    }

    /** A timed wait on {@code lock}, which the caller holds: it inflates the monitor. */
    private static void waitBriefly(Object lock) {
        try {
            lock.wait(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Awaits inside {@code lock} while a platform thread is blocked entering it (which inflates it). */
    private static String contended(EventLoop loop, Object lock) throws Exception {
        Thread contender = new Thread(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        }, "contender");
        try {
            synchronized (lock) {
                contender.start();
                while (contender.getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
                return sleepThenResume(loop);
            }
        } finally {
            contender.join();  // released by the failed await's leaving the block
        }
    }

    /** Re-enters {@code lock} with another monitor in between (which inflates it), then awaits holding only it. */
    private static String reenteredAcross(EventLoop loop, Object lock) {
        Object between = new Object();
        synchronized (lock) {
            synchronized (between) {
                synchronized (lock) {
                    System.identityHashCode(between);
                }
            }
            return sleepThenResume(loop);
        }
    }

    private static String nested(EventLoop loop, int depth) {
        if (depth == 0) {
            return sleepThenResume(loop);
        }
        synchronized (new Object[depth]) {
            return nested(loop, depth - 1);
        }
    }

    /** An object whose synchronized method awaits. */
    private static final class Guarded {

        synchronized String awaitInside(EventLoop loop) {
            return sleepThenResume(loop);
        }
    }
}
