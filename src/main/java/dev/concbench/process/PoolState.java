package dev.concbench.process;

/**
 * The lifecycle of a {@link WorkerPool}: {@code NEW -> STARTING -> RUNNING -> STOPPING ->
 * TERMINATED}, or {@code STARTING -> FAILED} when a worker cannot be started, or {@code RUNNING ->
 * FAILED} when a crashed worker cannot be replaced. Only a {@code RUNNING} pool accepts tasks.
 */
public enum PoolState {
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    TERMINATED,
    FAILED
}
