/**
 * The seed's claims as data, and the rules that judge them against one run's results.
 *
 * <p>{@link dev.concbench.claims.SeedClaims#all()} lists every row of the seed's "asyncio vs
 * Threading" table and every timing claim of its examples and tips: the claim quoted and
 * attributed, which rows of {@code summary.json} it reads, and a {@link dev.concbench.claims.Rule}
 * (a threshold on a ratio measured in the same run, with its error). {@link
 * dev.concbench.claims.SeedClaims#judge(RunData)} turns a run into one
 * {@link dev.concbench.results.ClaimResult} per claim; {@link dev.concbench.claims.Verdicts} is the
 * claims stage that {@code run} and {@code report} call, which writes {@code claims.json} once.
 *
 * <p>A verdict is {@code supported}, {@code refuted} or {@code differs on the JVM} only when every
 * row that decides it is present and unguarded and the ratio's error interval lies on one side of
 * the threshold; otherwise it is {@code not measured} and the result says why. Nothing here is
 * ever estimated or defaulted. Everything is immutable and may be called from any thread.
 */
package dev.concbench.claims;
