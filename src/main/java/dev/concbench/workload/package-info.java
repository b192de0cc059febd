/**
 * The identical workloads every execution model runs: each is written once as a
 * {@link dev.concbench.workload.Workload} description (which waits, which requests, how much CPU)
 * and executed in a model's native style by {@link dev.concbench.workload.BlockingRunner} (blocking
 * calls on the calling thread) or {@link dev.concbench.workload.LoopRunner} (non-blocking futures on
 * the event loop). Both produce the same {@link dev.concbench.workload.WorkResult} for the same
 * description, and record a {@link dev.concbench.workload.Placement} for every step so a model can
 * prove where the work ran.
 */
package dev.concbench.workload;
