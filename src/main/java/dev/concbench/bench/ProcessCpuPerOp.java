package dev.concbench.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.concbench.metrics.IterationMetrics;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * This JVM's CPU time per operation of one benchmark iteration, published as a secondary result:
 * the user plus system time of all its threads, ended ones too, between the iteration's start and
 * end (the process's {@code CLOCK_PROCESS_CPUTIME_ID} clock, read with {@code clock_gettime}
 * through the FFM API: ns resolution), over the operations the iteration ran. ({@code
 * com.sun.management.OperatingSystemMXBean#getProcessCpuTime}, the fallback where that call is
 * unavailable, counts 10 ms ticks on Linux: a 50 ms iteration of ~100 us spawns read 62.5, 75, 100,
 * 117 ... us per spawn, 2026-12-03.) Time
 * a thread spends runnable but descheduled (another process on its CPU) is not in it, which is why a
 * busy machine inflates a wall-clock time per operation but not this; the JIT compiler's and the
 * garbage collector's threads are in it (a steady fork after its warm-up barely compiles), and so is
 * a thread spinning for work before it parks.
 *
 * <p>Lifecycle: {@link #start} in the iteration's set-up, {@link #add} from the benchmark method,
 * {@link #publish} in the iteration's tear-down; all on the benchmark thread (JMH's {@code
 * Scope.Thread} state, one benchmark thread).
 */
final class ProcessCpuPerOp {

    /** The process CPU clock, ns; negative when the JVM cannot read it. */
    private static final LongSupplier PROCESS_CPU = processCpu();

    private final String metric;
    private final String unit;
    private final double nanosPerUnit;
    private long cpuAtStart = -1;
    private long operations;

    /**
     * @param metric       the secondary result's label, e.g. {@code spawnCpu}
     * @param unit         its unit, e.g. {@code us}
     * @param nanosPerUnit nanoseconds in one {@code unit} (1,000 for {@code us})
     */
    ProcessCpuPerOp(String metric, String unit, double nanosPerUnit) {
        this.metric = metric;
        this.unit = unit;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** Starts an iteration: no operations yet, and the process CPU clock read now. */
    void start() {
        operations = 0;
        cpuAtStart = PROCESS_CPU.getAsLong();
    }

    /** Counts {@code n} operations of the running iteration. */
    void add(long n) {
        operations += n;
    }

    /** Publishes the process CPU time per operation since {@link #start}, when the clock could be read. */
    void publish() {
        long now = PROCESS_CPU.getAsLong();
        if (cpuAtStart >= 0 && now >= cpuAtStart && operations > 0) {
            IterationMetrics.publish(metric, (now - cpuAtStart) / nanosPerUnit / operations, unit);
        }
    }

    /** {@code CLOCK_PROCESS_CPUTIME_ID} of Linux's {@code <time.h>}. */
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

    private static LongSupplier processCpu() {
        Optional<LongSupplier> precise = clockGettime();
        if (precise.isPresent()) {
            return precise.get();
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return () -> -1L;
    }

    /** {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} in ns, when this platform has it and it answers. */
    private static Optional<LongSupplier> clockGettime() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle call = linker.downcallHandle(linker.defaultLookup().find("clock_gettime").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
            MemorySegment timespec = Arena.global().allocate(16, 8); // struct timespec {long tv_sec; long tv_nsec;}
            LongSupplier clock = () -> {
                try {
                    int rc = (int) call.invokeExact(CLOCK_PROCESS_CPUTIME_ID, timespec);
                    return rc != 0 ? -1L : timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
                } catch (Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed: " + e, e);
                }
            };
            return clock.getAsLong() >= 0 ? Optional.of(clock) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no FFM linker or no clock_gettime here: the MXBean's coarser clock
        }
    }
}
