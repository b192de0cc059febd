package dev.concbench.workload;

import java.util.function.BooleanSupplier;

/**
 * Where one step of a task ran: the evidence a model checks against what it claims to be.
 *
 * @param step what the step did
 * @param kind the kind of thread it ran on
 * @param thread the thread's name (for a virtual thread, its {@code toString()}, which names the
 *     carrier it was mounted on at that moment)
 * @param pid the operating-system process id it ran in
 */
public record Placement(Step step, ThreadKind kind, String thread, long pid) {

    private static final long OWN_PID = ProcessHandle.current().pid();

    /**
     * The placement of the calling thread, now.
     *
     * @param isLoopThread whether the calling thread is the event loop's (see {@link ThreadKind#current})
     */
    public static Placement here(Step step, BooleanSupplier isLoopThread) {
        Thread t = Thread.currentThread();
        return new Placement(step, ThreadKind.current(isLoopThread), t.isVirtual() ? t.toString() : t.getName(), OWN_PID);
    }

    /** The calling thread's placement where no event loop exists (worker processes, thread models). */
    public static Placement here(Step step) {
        return here(step, () -> false);
    }

    /** This JVM's process id. */
    public static long ownPid() {
        return OWN_PID;
    }
}
