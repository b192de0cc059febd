/**
 * The JMH benchmarks, one class per claim family of the seed's table ({@code <Subject>Benchmark}),
 * each opening with the claim it tests and the result to expect. Every class has a {@code model}
 * parameter whose annotated values are the models it implements in this build; the run refuses to
 * invent numbers for any other.
 *
 * <p>Benchmarks report, never assert: secondary numbers (memory per unit, percentiles, guard
 * evidence) are published through {@link dev.concbench.metrics.IterationMetrics} and handed to JMH
 * by {@link IterationMetricsProfiler}, so they appear in JMH's own JSON with units and errors; guard
 * evidence is published as a {@link dev.concbench.vocab.Guard}. The model under test is a
 * {@link dev.concbench.model.ExecutionModel} ({@link ModelSession}): workloads and raw tasks alike run
 * on its threads under its placement check, so what the model tests prove is what the benchmarks
 * measure. (A spawn's children are raw threads of the model's kind: creating them is what it measures.)
 */
package dev.concbench.bench;
