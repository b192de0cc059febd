package dev.concbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

/**
 * The CPU time one platform thread of this JVM has used, user plus system, in nanoseconds
 * ({@link ThreadMXBean#getThreadCpuTime}: on Linux the thread's {@code CLOCK_THREAD_CPUTIME_ID}
 * clock, the same figure as the first field of {@code /proc/self/task/TID/schedstat}). Time the
 * thread spends runnable but descheduled (another process on its CPU) is not in it, which is why a
 * busy machine inflates a wall-clock time per operation but not this.
 *
 * <p>Any thread may read it.
 */
final class ThreadCpu {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final long threadId;

    private ThreadCpu(long threadId) {
        this.threadId = threadId;
    }

    /** The CPU clock of {@code thread}; empty for a virtual thread or a JVM that cannot measure it. */
    static Optional<ThreadCpu> of(Thread thread) {
        if (thread.isVirtual() || !MX.isThreadCpuTimeSupported()) {
            return Optional.empty();
        }
        if (!MX.isThreadCpuTimeEnabled()) {
            MX.setThreadCpuTimeEnabled(true);
        }
        return Optional.of(new ThreadCpu(thread.threadId()));
    }

    /** The thread's CPU time so far, in ns; negative when the thread has ended. */
    long nanos() {
        return MX.getThreadCpuTime(threadId);
    }
}
