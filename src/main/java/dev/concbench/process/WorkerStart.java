package dev.concbench.process;

import java.time.Duration;

/**
 * How long one worker took to start.
 *
 * @param pid the worker's process id
 * @param spawnToHello from just before the process was spawned to its hello frame arriving in the
 *     parent: JVM start-up, class loading, {@code ServiceLoader} and the socket connect
 */
public record WorkerStart(long pid, Duration spawnToHello) {
}
