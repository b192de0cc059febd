package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pinned variant's fork really runs on one CPU: after {@link OneCpu#pin} the kernel reports every
 * thread of the JVM, and any thread started afterwards, allowed on that CPU only; restoring gives
 * the threads their CPUs back. Runs on Linux with {@code taskset} (util-linux) only.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OneCpuTest {

    private static final Path SELF = Path.of("/proc/self/status");

    @Test
    void everyThreadOfThePinnedJvmRunsOnOneCpuUntilRestored() throws InterruptedException {
        assumeTrue(Files.isReadable(SELF), "needs /proc");
        assumeTrue(onPath("taskset"), "needs taskset");
        Optional<String> before = OneCpu.allowedList(SELF);
        OneCpu pinning = OneCpu.pin();
        try {
            assertEquals(0, pinning.unpinnedThreads(), "every thread of the JVM is on CPU " + pinning.cpu());
            AtomicReference<Optional<String>> child = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> child.set(OneCpu.allowedList(Path.of("/proc/thread-self/status"))));
            t.join();
            assertEquals(Optional.of(pinning.cpu()), child.get(), "a thread started later inherits the one CPU");
        } finally {
            pinning.restore();
        }
        assertEquals(before, OneCpu.allowedList(SELF), "restored to the CPUs the JVM had");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
