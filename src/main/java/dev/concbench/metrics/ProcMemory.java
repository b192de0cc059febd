package dev.concbench.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * This process's memory and thread count from {@code /proc/self/status} alone: one small file,
 * cheap enough to read while a hundred thousand threads are alive (unlike {@link ProcStatus},
 * which reads every thread's status). Linux only; any thread may call.
 *
 * @param rssBytes    resident set size ({@code VmRSS}), in bytes
 * @param vmSizeBytes reserved virtual memory ({@code VmSize}), in bytes
 * @param threads     the process's OS threads ({@code Threads})
 */
public record ProcMemory(long rssBytes, long vmSizeBytes, long threads) {

    private static final Path SELF = Path.of("/proc/self/status");

    /**
     * Reads {@code /proc/self/status} now.
     *
     * @throws UncheckedIOException when it cannot be read (not Linux)
     */
    public static ProcMemory read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(SELF);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SELF + " (concbench's OS probes need Linux /proc)", e);
        }
        return new ProcMemory(ProcStatus.field(lines, "VmRSS:") * 1024, ProcStatus.field(lines, "VmSize:") * 1024,
                ProcStatus.field(lines, "Threads:"));
    }

    /**
     * Waits until the process has at most {@code threads} OS threads ({@code Threads:}), polling
     * every millisecond, for at most {@code timeout}. A Java thread's {@code join()} returns when
     * the JVM has marked it terminated, before its OS thread has exited and unmapped its stack: a
     * memory snapshot taken then still holds the stacks of threads about to go. Call from the
     * benchmark thread, between shots.
     *
     * @return the status read last: at most {@code threads} threads unless the wait timed out
     */
    public static ProcMemory awaitThreadsAtMost(long threads, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcMemory now = read();
        while (now.threads() > threads && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
            now = read();
        }
        return now;
    }
}
