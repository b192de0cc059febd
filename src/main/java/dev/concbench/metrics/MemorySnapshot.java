package dev.concbench.metrics;

import java.lang.management.ManagementFactory;

/**
 * The process's memory and thread count at one moment, as Java and as the OS see it.
 *
 * @param heapUsedBytes heap in use after a collection, from the {@code MemoryMXBean}, in bytes
 * @param rssBytes      resident memory, in bytes
 * @param vmSizeBytes   reserved virtual memory, in bytes
 * @param threads       OS threads of the process
 */
public record MemorySnapshot(long heapUsedBytes, long rssBytes, long vmSizeBytes, long threads) {

    /**
     * Takes a snapshot after asking for a full collection, so heap use counts live objects
     * rather than garbage. Call from the benchmark thread while the units under test are alive.
     */
    public static MemorySnapshot take() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ProcMemory status = ProcMemory.read();
        return new MemorySnapshot(heap, status.rssBytes(), status.vmSizeBytes(), status.threads());
    }

    /** What grew from {@code before} to this snapshot, field by field. */
    public MemorySnapshot minus(MemorySnapshot before) {
        return new MemorySnapshot(heapUsedBytes - before.heapUsedBytes, rssBytes - before.rssBytes,
                vmSizeBytes - before.vmSizeBytes, threads - before.threads);
    }
}
