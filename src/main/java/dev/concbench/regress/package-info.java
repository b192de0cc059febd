/**
 * The regression gate: compares a current results directory with a baseline, row by row, and
 * says what improved, what regressed beyond its threshold and its error, and what is missing or
 * new.
 *
 * <p>Entry point for other packages: {@link dev.concbench.regress.RunComparator#compare(
 * dev.concbench.results.RunSummary, dev.concbench.results.RunSummary, CompareOptions)} (rows only)
 * or {@link dev.concbench.regress.RunComparator#compare(dev.concbench.results.ResultsDir,
 * dev.concbench.results.ResultsDir, CompareOptions)} (rows plus the environment check). Both
 * return a {@link dev.concbench.results.Comparison} (the record lives in {@code results}, beside the
 * files it is written to): one {@link dev.concbench.results.RowComparison} per row key with its
 * {@link dev.concbench.results.Status}, ratio and error, and the exit code the gate gives.
 * {@link dev.concbench.regress.TerminalTable} and {@link dev.concbench.regress.MarkdownSummary}
 * render it; {@link dev.concbench.results.ResultsDir#writeComparison} writes it.
 *
 * <p>Two modes ({@link dev.concbench.results.Mode}): {@code absolute} compares each number with
 * the same number of the baseline; {@code ratios} compares each model's number divided by a
 * reference model's number measured in the same run, so that a machine that is uniformly faster
 * or slower does not count as a change.
 *
 * <p>Lower packages never name command-line flags: input the gate cannot compare is a
 * {@link dev.concbench.regress.CompareInputException} in the gate's own words, which {@code cli}
 * turns into exit 2 (adding the flag that would change the outcome).
 *
 * <p>Everything here is immutable and may be called from any thread.
 */
package dev.concbench.regress;
