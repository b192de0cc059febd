package dev.concbench.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
