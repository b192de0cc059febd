/**
 * The execution models under test, behind one interface: {@link dev.concbench.model.ExecutionModel}.
 * {@link dev.concbench.model.Models} maps the names of {@link dev.concbench.vocab.ModelKind}
 * ({@code eventloop}, {@code platform-pool}, {@code thread-per-task}, {@code virtual},
 * {@code process-pool}, {@code eventloop+offload}) to running models.
 *
 * <p>Every model proves what it is: each step of each task records a
 * {@link dev.concbench.workload.Placement} (thread kind, thread, pid) and the model checks it against
 * its claim before completing the task; a task that ran somewhere else fails with a
 * {@link dev.concbench.model.ModelViolationException}. The benchmarks' raw tasks
 * ({@link dev.concbench.model.ExecutionModel#execute}) run on the same threads under the same check.
 * Every model has a named
 * {@link dev.concbench.model.ModelState}, and {@link dev.concbench.model.ExecutionModel#close()}
 * returns only once every thread and process the model started has ended.
 */
package dev.concbench.model;
