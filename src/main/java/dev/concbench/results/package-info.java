/**
 * The results directory: the one stable format that runs write and that claims, the report and
 * the regression gate read ({@code results/<run-id>/}: {@code env.json}, {@code jmh.json},
 * {@code summary.json}, {@code summary.csv}, {@code claims.json}, {@code histograms/*.hlog}, and the
 * gate's {@code compare/compare.json}, a {@link dev.concbench.results.Comparison}).
 *
 * <p>Every file is written atomically (a temporary file beside it, then a rename), so an
 * interrupted run leaves complete files or none.
 */
package dev.concbench.results;
