package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lock-stack probe finds its field on the JVM the build runs on (a JDK whose layout it no longer
 * recognizes fails here, not silently at an await) and follows synchronized blocks and methods.
 */
@Timeout(30)
class LockStackTest {

    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void theProbeFindsTheLockStackOnThisJvm() {
        assertTrue(LockStack.available(), "no lock stack found: coroutines could not refuse an await inside synchronized");
        assertTrue(LockStack.depth() >= 0);
    }

    @Test
    void eachMonitorEnteredDeepensTheStackByOneStepUntilItIsLeft() {
        int outside = LockStack.depth();
        int one;
        int two;
        synchronized (first) {
            one = LockStack.depth();
            synchronized (second) {
                two = LockStack.depth();
            }
        }
        int step = one - outside;
        assertTrue(step > 0, "entering a monitor did not deepen the stack: " + outside + " -> " + one);
        assertEquals(outside + 2 * step, two);
        assertEquals(outside, LockStack.depth());
        assertEquals(outside + step, depthInSynchronizedMethod());
    }

    @Test
    void compiledCodeKeepsTheSameRecord() {
        int outside = LockStack.depth();
        int step = depthInSynchronizedMethod() - outside;
        int wrong = 0;
        for (int i = 0; i < 200_000; i++) {  // long enough for the JIT to compile both paths
            if (depthInSynchronizedMethod() != outside + step || LockStack.depth() != outside) {
                wrong++;
            }
        }
        assertEquals(0, wrong);
    }

    @Test
    void aVirtualThreadGetsUnknownNotAnotherThreadsRecord() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Thread.ofVirtual().start(() -> seen.set(LockStack.depth())).join();
        assertEquals(LockStack.UNKNOWN, seen.get());
    }

    private synchronized int depthInSynchronizedMethod() {
        return LockStack.depth();
    }
}
