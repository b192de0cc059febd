/**
 * The report: a results directory turned into charts (XChart, PNG and SVG, headless) and one
 * HTML page (mustache.java, escaping by default) that works offline from disk.
 *
 * <p>Entry point: {@link dev.concbench.report.Reporter#write(java.nio.file.Path, java.nio.file.Path)},
 * which the {@code run} command calls at the end of every run and {@code report} calls on demand.
 * Report code only reads results files (through {@link dev.concbench.results.ResultsDir} and
 * HdrHistogram's {@code HistogramLogReader}); it never touches a live recorder. Single-threaded:
 * one call builds one report.
 */
package dev.concbench.report;
