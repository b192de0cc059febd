/**
 * The regression gate: compares a current results directory with a baseline, row by row, and
 * says what improved, what regressed beyond its threshold and its error, and what is missing or
 * new.
 *
 * <p>Entry point for other packages: {@link dev.concbench.regress.RunComparator#compare(
 * dev.concbench.results.RunSummary, dev.concbench.results.RunSummary, CompareOptions)} (rows only)
 * or {@link dev.concbench.regress.RunComparator#compare(dev.concbench.results.ResultsDir,
 * dev.concbench.results.ResultsDir, CompareOptions)} (rows plus the environment check). Both
 * return a {@link dev.concbench.regress.Comparison}: one {@link dev.concbench.regress.RowComparison}
 * per row key with its {@link dev.concbench.regress.Status}, ratio and error, and the exit code the
 * gate gives. {@link dev.concbench.regress.TerminalTable}, {@link dev.concbench.regress.MarkdownSummary}
 * and {@link dev.concbench.regress.ComparisonFiles} render it.
 *
 * <p>Two modes ({@link dev.concbench.regress.Mode}): {@code absolute} compares each number with
 * the same number of the baseline; {@code ratios} compares each model's number divided by a
 * reference model's number measured in the same run, so that a machine that is uniformly faster
 * or slower does not count as a change.
 *
 * <p>Everything here is immutable and may be called from any thread.
 */
package dev.concbench.regress;
