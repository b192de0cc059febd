/**
 * The two sides of an A/B comparison ({@code ab}): this build, a given jar, or a commit built in a
 * temporary git worktree, each checked before any benchmark runs (a concbench jar, JVM arguments
 * the JVM accepts). {@link dev.concbench.run.InterleavedRun} then runs the sides' forks interleaved
 * and the regression gate ({@code regress}) compares them.
 *
 * <p>Problems are {@link dev.concbench.ab.SideException}s in this package's own words, marked as
 * bad input or as a failed build; {@code cli} names the flag and picks the exit code.
 */
package dev.concbench.ab;
