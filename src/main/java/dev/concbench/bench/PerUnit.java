package dev.concbench.bench;

import dev.concbench.metrics.MemorySnapshot;

/**
 * What one waiting unit costs, from what grew between two snapshots of a fork whose heap is fixed
 * and pre-touched (see {@link MemoryBenchmark}): every heap page is resident and reserved from the
 * start, so the RSS and VmSize differences are what the units cost outside the heap (a platform
 * thread's stack, native thread structures), and the heap the units use adds to both.
 *
 * @param heap   heap in use per unit, in bytes
 * @param rss    resident memory per unit (RSS growth plus heap use), in bytes
 * @param vmSize reserved memory per unit (VmSize growth plus heap use), in bytes
 */
record PerUnit(double heap, double rss, double vmSize) {

    /** The per-unit figures of {@code grown} over {@code units} units ({@code units >= 1}). */
    static PerUnit of(MemorySnapshot grown, int units) {
        double heap = (double) grown.heapUsedBytes() / units;
        return new PerUnit(heap, (double) grown.rssBytes() / units + heap, (double) grown.vmSizeBytes() / units + heap);
    }

    /**
     * Whether any figure is negative: units cannot cost less than nothing, so a negative figure
     * means the snapshots measured something else (memory of earlier units still being freed).
     */
    boolean anyNegative() {
        return heap < 0 || rss < 0 || vmSize < 0;
    }

    /**
     * How many of a shot's threads may get a stack that was already reserved before the shot.
     * With {@code glibc.pthread.stack_cache_size=0} glibc frees a dead thread's stack, except the
     * last to exit: a detached thread hands its own stack back while still running, so glibc keeps
     * it until the next thread ends or starts, and the next shot's first thread takes it (measured:
     * one stack per shot, 1 KiB per unit at 1,000 units of 1 MiB).
     */
    static final int REUSED_STACKS = 2;

    /**
     * Whether the {@code units} platform threads of a shot reserved less than the stacks they were
     * given: each stack alone is {@code stackBytes} of address space, so a shot whose growth is
     * short of {@code units - REUSED_STACKS} stacks measured something else (stacks of the
     * previous shot still mapped, half a stack per thread in the run that found it).
     */
    boolean underReserved(long stackBytes, int units) {
        return vmSize * units < (double) stackBytes * (units - Math.min(REUSED_STACKS, units - 1));
    }
}
