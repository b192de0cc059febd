package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The memory benchmarks' "before" waits for the previous shot's OS threads to exit; these are the
 * probes it relies on. Behaviour only: no assertion on how long anything took.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadExitWaitTest {

    @Test
    void theWaitReturnsOnceJoinedThreadsHaveExited() throws InterruptedException {
        // other tests' threads may still be winding down: wait for a steady count to start from
        long idle = ProcMemory.awaitThreadsAtMost(0, Duration.ofMillis(200)).threads();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = startWaiting(50, release);
        assertTrue(ProcMemory.read().threads() >= idle + 50, "50 live threads are counted");
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        ProcMemory settled = ProcMemory.awaitThreadsAtMost(idle, Duration.ofSeconds(20));
        assertTrue(settled.threads() <= idle, "back to idle once the OS threads exited: " + settled.threads() + " > " + idle);
    }

    @Test
    void theWaitGivesUpWhileAThreadLives() throws InterruptedException {
        long idle = ProcMemory.read().threads();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = startWaiting(1, release);
        try {
            ProcMemory now = ProcMemory.awaitThreadsAtMost(idle - 1, Duration.ofMillis(50));
            assertTrue(now.threads() > idle - 1, "a live thread keeps the count up, and the wait returns anyway");
        } finally {
            release.countDown();
            threads.getFirst().join();
        }
    }

    @Test
    void readsThisJvmsStackSizeAndNmtState() {
        assertTrue(JvmStacks.threadStackSizeBytes() >= 64 * 1024, "ThreadStackSize is at least 64 KiB");
        // surefire's JVM runs without -XX:NativeMemoryTracking: no reservation, rather than a made-up one
        assertEquals(OptionalLong.empty(), JvmStacks.nmtStackReservedBytes());
        assertEquals(OptionalLong.of(75_776L * 1024), JvmStacks.stackReserved("""
                -                    Thread (reserved=75834KB, committed=790KB)
                                            (threads #18)
                                            (stack: reserved=75776KB, committed=732KB, peak=732KB)
                """));
        assertEquals(OptionalLong.empty(), JvmStacks.stackReserved("Native memory tracking is not enabled"));
    }

    private static List<Thread> startWaiting(int n, CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        started.await();
        return threads;
    }
}
