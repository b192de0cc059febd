/**
 * The seed's example programs, runnable on {@link dev.concbench.loop.EventLoop} with time scaled
 * (one second of the seed is one "unit", 100 ms by default).
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@link dev.concbench.workload.examples.Examples} — {@code all()}, {@code names()},
 *     {@code find(name)}, {@code require(name)}: hello, gather, sequential, tasks, get-user-data,
 *     fire-and-forget, timeout, producer-consumer, semaphore, context-manager, async-iterator,
 *     async-generator, blocking-pitfall, cpu-pitfall.</li>
 * <li>{@link dev.concbench.workload.examples.ExampleRunner#run(SeedExample, ExampleSettings)} — runs one on
 *     a fresh loop, blocking the caller, and returns an {@link dev.concbench.workload.examples.ExampleResult}:
 *     the printed lines, {@code elapsedNanos}, {@code elapsedUnits()} and named facts
 *     ({@code maxConcurrent} for semaphore, {@code timedOut}/{@code innerCancelled} for timeout,
 *     {@code stallMs}/{@code fixedStallMs} for the pitfalls, ...).</li>
 * <li>{@link dev.concbench.workload.examples.ExampleSettings} — {@code quiet(unit)},
 *     {@code withOut(Consumer<String>)}, {@code withOffload(Executor)} (the seam for the process pool).</li>
 * </ul>
 *
 * <pre>{@code
 * ExampleResult r = ExampleRunner.run(Examples.require("semaphore"), ExampleSettings.quiet(Duration.ofMillis(20)));
 * r.elapsedUnits();                                   // about 4
 * r.fact(ExampleResult.MAX_CONCURRENT).getAsLong();   // 3
 * }</pre>
 */
package dev.concbench.workload.examples;
