package dev.concbench.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The process's memory and thread count at one moment, as Java and as the OS see it.
 *
 * @param heapUsedBytes heap in use after a collection, from the {@code MemoryMXBean}, in bytes
 * @param heapCommittedBytes heap the JVM has committed, from the {@code MemoryMXBean}, in bytes: when it
 *                      moves between two snapshots, the RSS difference is partly heap resizing
 * @param rssBytes      resident memory, in bytes
 * @param vmSizeBytes   reserved virtual memory, in bytes
 * @param threads       OS threads of the process
 */
public record MemorySnapshot(long heapUsedBytes, long heapCommittedBytes, long rssBytes, long vmSizeBytes, long threads) {

    /**
     * Takes a snapshot after asking for a full collection, so heap use counts live objects
     * rather than garbage. Call from the benchmark thread while the units under test are alive.
     */
    public static MemorySnapshot take() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ProcMemory status = ProcMemory.read();
        return new MemorySnapshot(heap.getUsed(), heap.getCommitted(), status.rssBytes(), status.vmSizeBytes(), status.threads());
    }

    /** What grew from {@code before} to this snapshot, field by field. */
    public MemorySnapshot minus(MemorySnapshot before) {
        return new MemorySnapshot(heapUsedBytes - before.heapUsedBytes,
                heapCommittedBytes - before.heapCommittedBytes, rssBytes - before.rssBytes,
                vmSizeBytes - before.vmSizeBytes, threads - before.threads);
    }
}
