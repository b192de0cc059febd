package dev.concbench.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the kernel says about this process, from {@code /proc/self/status} and
 * {@code /proc/self/task/<tid>/status} (one file per thread: use {@link ProcMemory} when only
 * memory and the thread count are wanted). Linux only; any thread may call.
 *
 * @param rssBytes               resident set size ({@code VmRSS}), in bytes
 * @param vmSizeBytes            reserved virtual memory ({@code VmSize}), in bytes
 * @param threads                the process's OS threads ({@code Threads})
 * @param voluntaryCtxSwitches   voluntary context switches summed over every live thread of the process
 * @param involuntaryCtxSwitches involuntary (preemptive) context switches summed over every live thread
 */
public record ProcStatus(long rssBytes, long vmSizeBytes, long threads, long voluntaryCtxSwitches,
        long involuntaryCtxSwitches) {

    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * Reads the process's status now. Context switches are summed over the threads alive now
     * (threads that already exited are not counted), which is why benchmarks read them while
     * their workers still live.
     *
     * @throws UncheckedIOException when {@code /proc} cannot be read (not Linux)
     */
    public static ProcStatus read() {
        ProcMemory memory = ProcMemory.read();
        long voluntary = 0;
        long involuntary = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                List<String> status;
                try {
                    status = Files.readAllLines(task.resolve("status"));
                } catch (IOException e) {
                    continue; // the thread exited between list and read; it no longer counts
                }
                voluntary += field(status, "voluntary_ctxt_switches:");
                involuntary += field(status, "nonvoluntary_ctxt_switches:");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + TASKS, e);
        }
        return new ProcStatus(memory.rssBytes(), memory.vmSizeBytes(), memory.threads(), voluntary, involuntary);
    }

    /** The first number after {@code key} (kB values are returned as kB). */
    static long field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                int space = rest.indexOf(' ');
                return Long.parseLong(space < 0 ? rest : rest.substring(0, space));
            }
        }
        throw new IllegalStateException("no '" + key + "' line in /proc status");
    }
}
