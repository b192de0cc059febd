/**
 * What the benchmarks count besides JMH's timings: latency distributions (HdrHistogram recorders
 * and interval logs), what the OS saw (RSS, VmSize, threads, context switches from {@code /proc}),
 * heap use from the MXBeans, heartbeat lateness, values published for JMH's secondary results,
 * and the environment a run came from.
 *
 * <p>Recording, writing and reading are separate: the hot path only records into a
 * {@link org.HdrHistogram.Recorder}; {@link LatencyRecorder} writes interval logs; nothing here reads
 * a live recorder from report code.
 */
package dev.concbench.metrics;
