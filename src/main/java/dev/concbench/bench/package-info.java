/**
 * The JMH benchmarks, one class per claim family of the seed's table ({@code <Subject>Benchmark}),
 * each opening with the claim it tests and the result to expect. Every class has a {@code model}
 * parameter whose annotated values are the models it implements in this build; the run refuses to
 * invent numbers for any other.
 *
 * <p>Benchmarks report, never assert: secondary numbers (memory per unit, percentiles, guard
 * evidence) are published through {@link dev.concbench.metrics.IterationMetrics} and handed to JMH
 * by {@link IterationMetricsProfiler}, so they appear in JMH's own JSON with units and errors.
 */
package dev.concbench.bench;
