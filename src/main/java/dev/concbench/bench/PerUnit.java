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
     * How far short of its stack a platform thread's reservation may come before it is a
     * measurement failure: 1%. With {@code glibc.pthread.stack_cache_size=0} glibc frees a dead
     * thread's stack, except those of threads still exiting when the cache is trimmed (a detached
     * thread hands its own stack back while it still runs), which the next shot's threads take back
     * without growing the address space: measured 1 to 3 stacks per shot, 0.03% at 10,000 threads
     * and 0.1% at 1,000. The failure this catches is of another size: a "before" that still held
     * the previous shot's stacks came out at half a stack per thread.
     */
    static final double SHORTFALL = 0.01;

    /**
     * Whether a platform thread reserved less than the stack it was given: its stack alone is
     * {@code stackBytes} of address space, so a figure more than {@link #SHORTFALL} below it
     * measured something else.
     */
    boolean underReserved(long stackBytes) {
        return vmSize < stackBytes * (1 - SHORTFALL);
    }
}
