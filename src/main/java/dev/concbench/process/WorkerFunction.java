package dev.concbench.process;

/**
 * A named function a worker JVM can run: the unit of work of the process pool.
 *
 * <p>Implementations are found in the worker with {@link java.util.ServiceLoader}: list the class
 * in {@code META-INF/services/dev.concbench.process.WorkerFunction} on the classpath the pool
 * starts its workers with (the parent's). They need a public no-argument constructor.
 *
 * <p>Arguments and results are strings so that a caller can choose its own encoding (a number, a
 * JSON document) without this package knowing it. A worker runs one task at a time on its main
 * thread, so {@link #apply} need not be thread-safe.
 *
 * <pre>{@code
 * public final class Burn implements WorkerFunction {
 *     public String name() { return "burn"; }
 *     public String apply(String argument) {
 *         long n = Long.parseLong(argument), sum = 0;
 *         for (long i = 0; i < n; i++) sum += i * i;
 *         return Long.toString(sum);
 *     }
 * }
 * }</pre>
 */
public interface WorkerFunction {

    /** The name tasks use to call this function; unique among the functions on the classpath. */
    String name();

    /**
     * Runs the function in the worker JVM.
     *
     * @param argument the task's argument, as the caller passed it to {@link WorkerPool#submit}
     * @return the value sent back to the parent; {@code null} is sent as the empty string
     * @throws Exception any failure; the parent sees it as a {@link WorkerTaskException} carrying
     *     the exception's class name and message
     */
    String apply(String argument) throws Exception;
}
