package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * This JVM's CPU time per operation of one benchmark iteration, published as a secondary result:
 * the user plus system time of all its threads between the iteration's start and end
 * ({@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}: on Linux the process's
 * {@code CLOCK_PROCESS_CPUTIME_ID} clock, ns resolution), over the operations the iteration ran. Time
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

    private static LongSupplier processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return () -> -1L;
    }
}
