/**
 * The report: a run's rows and verdicts turned into charts (XChart, PNG and SVG, headless) and one
 * HTML page (mustache.java, escaping by default) that works offline from disk.
 *
 * <p>Entry point: {@link dev.concbench.report.Reporter#write}, given a {@link
 * dev.concbench.report.ReportInput} in memory (rows, environment, the claims stage's verdicts), which
 * the {@code run} command calls at the end of every run and {@code report} calls on demand. It
 * judges nothing and writes nothing into the results directory; from it, it reads only the
 * histogram logs (HdrHistogram's {@code HistogramLogReader}); it never touches a live recorder. Single-threaded:
 * one call builds one report.
 */
package dev.concbench.report;
