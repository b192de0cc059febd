package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.EnvInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProcStatusTest {

    @Test
    void readsPlausibleValues() {
        ProcStatus s = ProcStatus.read();
        assertTrue(s.rssBytes() > 1 << 20, "RSS of a JVM is more than 1 MiB: " + s.rssBytes());
        assertTrue(s.vmSizeBytes() >= s.rssBytes(), "reserved >= resident");
        assertTrue(s.threads() >= 2, "a JVM has several threads: " + s.threads());
        assertTrue(s.voluntaryCtxSwitches() > 0 && s.involuntaryCtxSwitches() >= 0);
    }

    @Test
    void countsThreadsAndTheirSwitchesWhileTheyLive() throws InterruptedException {
        ProcStatus before = ProcStatus.read();
        int n = 20;
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                for (int k = 0; k < 5; k++) {
                    try {
                        Thread.sleep(1); // each sleep is a voluntary switch
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        started.await();
        Thread.sleep(50);
        ProcStatus during = ProcStatus.read();
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(during.threads() >= before.threads() + n, before.threads() + " -> " + during.threads());
        assertTrue(during.voluntaryCtxSwitches() - before.voluntaryCtxSwitches() >= n * 5L,
                "at least one voluntary switch per sleep: " + before.voluntaryCtxSwitches() + " -> "
                        + during.voluntaryCtxSwitches());
    }

    @Test
    void memorySnapshotSeesAllocatedHeap() {
        MemorySnapshot before = MemorySnapshot.take();
        long[][] keep = new long[64][];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = new long[128 * 1024]; // 64 x 1 MiB
        }
        MemorySnapshot grown = MemorySnapshot.take().minus(before);
        assertTrue(grown.heapUsedBytes() >= 48L << 20, "heap grew by the 64 MiB held: " + grown.heapUsedBytes());
        assertEquals(64, keep.length);
    }

    @Test
    void envCaptureReadsTheMachine() {
        EnvInfo env = EnvCapture.capture(List.of("-Dx=1"), Path.of("."), "smoke", "run-bench.sh run", Instant.EPOCH);
        assertEquals(Runtime.getRuntime().availableProcessors(), env.cores());
        assertTrue(env.memoryBytes() > 0 && env.pidMax() > 0 && env.threadsMax() > 0);
        assertTrue(env.jdk().contains(Integer.toString(Runtime.version().feature())), env.jdk());
        assertTrue(env.ulimits().get("nofile").matches("(\\d+|unlimited) files"), env.ulimits().toString());
        assertTrue(env.gitCommit().matches("[0-9a-f]{40}|unknown"), env.gitCommit());
        assertEquals("1970-01-01T00:00:00Z", env.start());
        assertEquals(null, env.end());
    }
}
