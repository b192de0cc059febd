package dev.concbench.process;

import java.time.Duration;

/**
 * How long one worker took to start.
 *
 * @param pid the worker's process id
 * @param spawnToHello from just before the process was spawned to its hello frame arriving in the
 *     parent: JVM start-up, class loading, {@code ServiceLoader} and the socket connect
 * @param cpuAtHello the CPU time (user + system, all its threads) the worker had used when the
 *     parent registered it, just after its hello: less sensitive to other load on the machine
 *     than {@code spawnToHello}; {@link Duration#ZERO} where the OS does not report it
 */
public record WorkerStart(long pid, Duration spawnToHello, Duration cpuAtHello) {
}
