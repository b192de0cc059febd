/**
 * The process pool: the JVM's {@code ProcessPoolExecutor}. {@link dev.concbench.process.WorkerPool}
 * starts worker JVMs (same JDK, same classpath), feeds them tasks over Unix-domain sockets and
 * completes a {@link java.util.concurrent.CompletableFuture} per task with the value and the pid of
 * the worker that computed it.
 *
 * <p>A task names a {@link dev.concbench.process.WorkerFunction} found in the worker by
 * {@link java.util.ServiceLoader}, so other packages contribute functions without this package
 * depending on them. Messages are length-prefixed binary {@link dev.concbench.process.Frame}s.
 *
 * <p>Failure and shutdown: a worker that dies mid-task fails that task with a
 * {@link dev.concbench.process.WorkerCrashedException} and is replaced; a worker whose parent dies
 * exits by itself (EOF on its socket, and a watch on {@link java.lang.ProcessHandle#parent()});
 * {@link dev.concbench.process.WorkerPool#close()} leaves no worker process and no pool thread.
 *
 * <p>This package depends on nothing else of concbench.
 */
package dev.concbench.process;
