package dev.concbench.process;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link WorkerPool} starts and stops its workers.
 *
 * @param workers how many worker JVMs run at once; at least 1
 * @param jvmFlags the JVM options every worker starts with, before {@code -cp}; recorded with
 *     results so a figure says which worker JVM produced it
 * @param startTimeout how long a worker may take from spawn to hello before it counts as failed
 * @param stopGrace how long a worker may take to exit after its socket closes before it is
 *     killed with {@code destroyForcibly}
 * @param aotCache start workers from the JDK's AOT cache ({@code -XX:AOTCache}), creating it on
 *     first use; see {@link WorkerPool#aotCacheStatus()}. Only possible when the classpath is
 *     made of jar files (the JDK refuses class directories), so off in effect under Maven tests
 */
public record WorkerPoolConfig(int workers, List<String> jvmFlags, Duration startTimeout, Duration stopGrace,
        boolean aotCache) {

    /**
     * The default worker JVM options: a small fixed heap (a worker holds one task's data), the
     * serial collector (one GC thread: workers share the cores with each other and the parent),
     * and no hsperfdata file (nothing attaches to workers; it saves a file per worker).
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

    /** Default time from spawn to hello before a worker counts as failed. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    /** Default time a worker may take to exit once its socket is closed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

    public WorkerPoolConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        jvmFlags = List.copyOf(Objects.requireNonNull(jvmFlags, "jvmFlags"));
        requirePositive("startTimeout", startTimeout);
        requirePositive("stopGrace", stopGrace);
    }

    /** {@code workers} workers with the default flags, start timeout and stop grace, and the AOT cache on. */
    public static WorkerPoolConfig of(int workers) {
        return new WorkerPoolConfig(workers, DEFAULT_JVM_FLAGS, DEFAULT_START_TIMEOUT, DEFAULT_STOP_GRACE, true);
    }

    /** This configuration with other JVM flags. */
    public WorkerPoolConfig withJvmFlags(List<String> flags) {
        return new WorkerPoolConfig(workers, flags, startTimeout, stopGrace, aotCache);
    }

    /** This configuration with another stop grace. */
    public WorkerPoolConfig withStopGrace(Duration grace) {
        return new WorkerPoolConfig(workers, jvmFlags, startTimeout, grace, aotCache);
    }

    /** This configuration with the AOT cache on or off. */
    public WorkerPoolConfig withAotCache(boolean on) {
        return new WorkerPoolConfig(workers, jvmFlags, startTimeout, stopGrace, on);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
