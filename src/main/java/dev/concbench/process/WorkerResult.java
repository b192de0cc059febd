package dev.concbench.process;

import java.time.Duration;

/**
 * The outcome of one function call that a worker JVM completed (the model layer's
 * {@code model.TaskResult} is what a whole task produced, on any model).
 *
 * @param value the function's return value ({@code null} arrives as the empty string)
 * @param workerPid the pid of the worker JVM that ran the function: never the parent's
 * @param workerTime how long the function ran inside the worker
 * @param totalTime from {@link WorkerPool#submit} to the result arriving in the parent, including
 *     queueing and both socket hops
 */
public record WorkerResult(String value, long workerPid, Duration workerTime, Duration totalTime) {
}
