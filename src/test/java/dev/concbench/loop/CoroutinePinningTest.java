package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An await under a native frame cannot suspend: a clear error at the await in every mode, never a
 * hang. (An await inside {@code synchronized}, which the JDK does suspend, is caught in debug mode:
 * {@link CoroutineTest}.)
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
