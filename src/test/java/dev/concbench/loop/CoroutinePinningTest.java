package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An await that cannot suspend (under a native frame) or must not (inside {@code synchronized},
 * which the JDK would suspend with the monitor held) fails with a clear error at the await in every
 * mode, never a hang, and the loop goes on serving other coroutines. (Every way of holding a
 * monitor, inflated ones included, and what each mode catches: {@link CoroutineMonitorCasesTest}.)
 */
@Timeout(30)
class CoroutinePinningTest {

    /** The loop the static initializers below await on (set before each first touches its class). */
    private static volatile EventLoop initializing;

    /** Awaits in its static initializer: a native (VM) frame sits under the await. */
    private static final class AwaitsInInitializer {
        static final String VALUE = await(initializing.sleep(Duration.ofSeconds(1)).map(v -> "initialized"));
    }

    /** The same, for the debug-mode loop (a class is initialized once per JVM). */
    private static final class AwaitsInInitializerToo {
        static final String VALUE = await(initializing.sleep(Duration.ofSeconds(1)).map(v -> "initialized"));
    }

    @Test
    void anAwaitUnderANativeFrameFailsAtTheAwaitInEveryMode() throws Exception {
        assertPinnedByNativeFrame(LoopOptions.defaults(), () -> AwaitsInInitializer.VALUE);
        assertPinnedByNativeFrame(LoopOptions.defaults().withDebug(true), () -> AwaitsInInitializerToo.VALUE);
    }

    @Test
    void anAwaitInsideSynchronizedOnItsOwnLockFailsClearlyAndTheLoopServesTheNextCoroutine() throws Exception {
        try (ManualLoop m = new ManualLoop()) {
            Object lock = new Object();
            LoopTask<String> block = m.call(() -> m.loop.spawnCoroutine("block", () -> {
                synchronized (lock) {
                    return await(m.loop.sleep(Duration.ofSeconds(1)).map(v -> "resumed"));
                }
            }));
            Guarded guarded = new Guarded();
            LoopTask<String> method = m.call(() -> m.loop.spawnCoroutine("method", () -> guarded.awaitInside(m.loop)));
            m.settle();
            assertFailsInsideSynchronized(m, block);
            assertFailsInsideSynchronized(m, method);
            LoopTask<String> next = m.call(() -> m.loop.spawnCoroutine("next", () -> {
                synchronized (lock) {  // released by the failed await: free again
                    guarded.touch();
                }
                return await(m.loop.sleep(Duration.ofSeconds(1)).map(v -> "next ran"));
            }));
            m.advance(Duration.ofSeconds(1));
            assertEquals("next ran", m.call(next::result));
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }

    @Test
    void anAwaitInsideALockSharedWithAnotherCoroutineFailsInsteadOfBlockingTheLoop() throws Exception {
        try (ManualLoop m = new ManualLoop()) {
            Object shared = new Object();
            List<String> order = new ArrayList<>();
            LoopTask<String> holder = m.call(() -> m.loop.spawnCoroutine("holder", () -> {
                synchronized (shared) {
                    order.add("holder in");
                    return await(m.loop.sleep(Duration.ofSeconds(1)).map(v -> "resumed"));
                }
            }));
            // runs right after the holder's failed await; had the holder suspended with the monitor,
            // entering it here would block the loop thread for ever
            LoopTask<String> contender = m.call(() -> m.loop.spawnCoroutine("contender", () -> {
                synchronized (shared) {
                    order.add("contender in");
                }
                return await(m.loop.sleep(Duration.ofSeconds(1)).map(v -> "contender done"));
            }));
            m.advance(Duration.ofSeconds(1));
            assertFailsInsideSynchronized(m, holder);
            assertEquals("contender done", m.call(contender::result));
            assertEquals(List.of("holder in", "contender in"), m.call(() -> List.copyOf(order)));
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }

    private static void assertFailsInsideSynchronized(ManualLoop m, LoopTask<String> task) throws Exception {
        IllegalStateException failure = assertInstanceOf(IllegalStateException.class, m.call(task::exception));
        String message = failure.getMessage();
        assertTrue(message.contains("cannot await inside synchronized on loop thread"), message);
        assertTrue(message.contains("pinned by a synchronized block or method"), message);
        assertTrue(message.contains("AsyncSemaphore"), message);
        assertFalse(message.contains("\n"), message);
    }

    /** An object whose synchronized method awaits. */
    private static final class Guarded {

        synchronized String awaitInside(EventLoop loop) {
            return await(loop.sleep(Duration.ofSeconds(1)).map(v -> "resumed"));
        }

        synchronized void touch() {
        }
    }

    private void assertPinnedByNativeFrame(LoopOptions options, Coroutine.Body<String> touch) throws Exception {
        try (ManualLoop m = new ManualLoop(options)) {
            initializing = m.loop;
            LoopTask<String> task = m.call(() -> m.loop.spawnCoroutine("initializer", touch));
            m.settle();
            Throwable failure = m.call(task::exception);
            // the static initializer wraps what the await threw, and the Error fails the task, not the loop
            assertInstanceOf(ExceptionInInitializerError.class, failure);
            IllegalStateException pinned = assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertTrue(pinned.getMessage().contains("pinned by a native frame"), pinned.getMessage());
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }
}
