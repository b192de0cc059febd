package dev.concbench.vocab;

import java.util.Arrays;
import java.util.Optional;

/**
 * The evidence a benchmark publishes that a row must not decide a verdict: each guard has the key a
 * benchmark publishes it under, the kind a row's {@code guards} entry starts with (see {@code
 * docs/metrics.md}) and the explanation that follows the count. A row's entry reads
 * {@code "<kind>: <count> <explanation>"}, e.g. {@code "pinned: 3 jdk.VirtualThreadPinned event(s)"}.
 * Several guards share a kind ({@code incomplete}): the kind says what a reader must do about the
 * row, the key what was seen.
 */
public enum Guard {
    NOT_VIRTUAL("notVirtual", "not-virtual", "task(s) of the virtual model ran on a platform thread"),
    NOT_PROCESS("notProcess", "not-process", "task(s) of the process-pool model ran in the parent JVM"),
    MISPLACED("misplaced", "incomplete", "task(s) ran outside the model's own threads"),
    LOOP_BLOCKED("loopBlocked", "loop-blocked",
            "time(s) the loop was blocked beyond the slow-callback threshold, in at least 2 iterations"),
    THREAD_STALLED("threadStalled", "thread-stalled",
            "time(s) a thread model's probe thread went unscheduled beyond the slow-callback threshold,"
                    + " in at least 2 iterations"),
    DROPPED("dropped", "dropped-sends", "send(s) could not go out at their intended time"),
    PINNED("pinned", "pinned", "jdk.VirtualThreadPinned event(s)"),
    INCOMPLETE("incomplete", "incomplete", "unit(s) could not be started"),
    CPU_CONTENDED("cpuContended", "cpu-contended",
            "shot(s) in which other processes took more than a quarter of the CPUs the shot used (or any of those it"
                    + " left idle)", 0.1),
    HEAP_RESIZED("heapResized", "heap-resized",
            "shot(s) in which the JVM resized its heap between the two memory snapshots"),
    FAILED_TASKS("failedTasks", "incomplete", "task(s) failed instead of completing"),
    NEGATIVE_MEMORY("negativeMemory", "negative-memory",
            "shot(s) in which a memory-per-unit figure came out negative (the snapshots measured something else)"),
    STACK_UNDER_RESERVED("stackUnderReserved", "stack-under-reserved",
            "shot(s) in which a platform thread reserved less address space than the stack size it was given"),
    THREADS_NOT_IDLE("threadsNotIdle", "threads-not-idle",
            "shot(s) whose before-snapshot was taken while the previous shot's OS threads had not all exited"),
    WORKER_REPLACED("workerReplaced", "worker-replaced",
            "worker JVM(s) died and were replaced while this row was measured"),
    NOT_ONE_CPU("notOneCpu", "not-one-cpu",
            "thread(s) of a pinned=true fork the kernel allowed on more than its one CPU");

    /** The kind of a row whose benchmark did not finish all of its measurement iterations. */
    private static final String INCOMPLETE_KIND = "incomplete";

    private final String key;
    private final String kind;
    private final String explanation;
    /** The share of a row's samples this guard may hit before it voids the row (0: any hit voids it). */
    private final double toleratedShare;

    Guard(String key, String kind, String explanation) {
        this(key, kind, explanation, 0);
    }

    Guard(String key, String kind, String explanation, double toleratedShare) {
        this.key = key;
        this.kind = kind;
        this.explanation = explanation;
        this.toleratedShare = toleratedShare;
    }

    /**
     * Whether {@code count} events void a row of {@code samples} samples. Most guards void at the first
     * event; {@code cpu-contended} tolerates one shot in ten (its time stays in the mean and widens the
     * error; two contended shots of ten, or one of fewer than ten, void the row).
     */
    public boolean voids(long count, long samples) {
        return count > 0 && count > (long) Math.floor(toleratedShare * samples);
    }

    /** The name a benchmark publishes this guard's count under, e.g. {@code notVirtual}. */
    public String key() {
        return key;
    }

    /** The kind a row's guard entry starts with, e.g. {@code not-virtual}. */
    public String kind() {
        return kind;
    }

    /** What was counted, after the count, e.g. {@code jdk.VirtualThreadPinned event(s)}. */
    public String explanation() {
        return explanation;
    }

    /** A row's guard entry for {@code count} events of this guard, e.g. {@code "pinned: 3 jdk.VirtualThreadPinned event(s)"}. */
    public String note(long count) {
        return kind + ": " + count + " " + explanation;
    }

    /** The guard published under {@code key}, if there is one. */
    public static Optional<Guard> of(String key) {
        return Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
    }

    /** {@link #voids(long, long)} of the guard published under {@code key}; an unknown key voids at any count. */
    public static boolean voids(String key, long count, long samples) {
        return of(key).map(g -> g.voids(count, samples)).orElse(count > 0);
    }

    /**
     * A row's guard entry for {@code count} events published under {@code key}; a key no guard has
     * (a benchmark newer than this list) reads as {@code incomplete} with the key as its explanation.
     */
    public static String note(String key, long count) {
        return of(key).map(g -> g.note(count)).orElse(INCOMPLETE_KIND + ": " + count + " " + key);
    }

    /** A row's guard entry when only {@code got} of {@code expected} measurement iterations finished. */
    public static String missingIterations(long got, long expected) {
        return INCOMPLETE_KIND + ": " + got + " of " + expected + " measurement iterations finished";
    }
}
