package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;

/**
 * The GIL row, both cells, answered with CPU speed-ups ({@code cpu-bound}: {@code time(1) /
 * time(N)}, same model, same run, N = the largest worker count that fits on the cores).
 *
 * <p>asyncio's cell, "None — only one thread runs all coroutines": the event loop's speed-up must
 * stay at about 1 x (its interval at or below {@value #SERIAL} x); wholly above, the loop ran on
 * more than one core and the cell is refuted. Threading's cell, "GIL serializes bytecode across
 * threads": a platform-thread pool whose speed-up interval lies at or below {@value #SERIAL} x is as
 * serialised as a GIL (supported); one that reaches the parallel bound of {@link CpuParallelism}
 * ({@code 1 + (N-1)/2}) with its error included has no GIL (differs on the JVM); anywhere between,
 * or straddling either bound, this run cannot tell (not measured): 1.4 x on 2 cores is neither.
 * On CPython ({@link Cast#CPYTHON}) the same thresholds judge {@code python-asyncio} and
 * {@code python-threads}, and threads reaching the parallel bound refute the cell.
 *
 * @param cast which models play the loop and the threads
 */
public record GilRule(Cast cast) implements Rule {
    /** A speed-up at or below this is "about 1 x": serialised, as a GIL makes threads. */
    public static final double SERIAL = 1.1;

    @Override
    public String describe() {
        return "speed-up = time(1 worker) / time(N workers) of the cpu-bound scenario, N = the largest worker count"
                + " <= cores, errors included. asyncio's cell: the " + cast.loop() + " speed-up must lie at or below "
                + SERIAL + " x (refuted when wholly above). Threading's cell: " + cast.pool() + " at or below " + SERIAL
                + " x is 'supported' (serialised, as a GIL would); reaching 1 + (N-1)/2 is '" + cast.differs().label()
                + "';"
                + " between the two, or straddling either: not measured";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        CpuParallelism p = CpuParallelism.of(data);
        evidence.note("what a GIL allows", "1 x (one thread runs bytecode at a time)");
        evidence.note("ideal speed-up", Measure.number(p.workers()) + " x (" + p.workers() + " workers on "
                + p.cores() + " cores)");
        Cast.models(cast.lightweight(), cast.processes(), cast.offload())
                .forEach(model -> p.contextSpeedup(data, evidence, model));
        String parallel = ">= " + Measure.number(p.threshold()) + " x";
        Measure loop = p.speedup(data, evidence, cast.loop(), "<= " + SERIAL + " x (one thread)");
        boolean oneThread = Check.decide(Check.atMost(loop, SERIAL), "the " + cast.loop() + " speed-up", loop,
                "<= " + SERIAL + " x");
        if (!oneThread) {
            return new Judgement(Verdict.REFUTED, "The event loop ran CPU-bound coroutines " + loop.format()
                    + " faster with " + p.workers() + " workers than with one: more than one thread ran them,"
                    + " against asyncio's \"only one thread runs all coroutines\".");
        }
        Measure threads = p.speedup(data, evidence, cast.pool(), "<= " + SERIAL + " x (a GIL) or " + parallel
                + " (no GIL)");
        String threadsName = Character.toUpperCase(cast.threads().charAt(0)) + cast.threads().substring(1);
        if (Check.atMost(threads, SERIAL) == Check.Outcome.HOLDS) {
            return new Judgement(Verdict.SUPPORTED, threadsName + " did not run CPU-bound work in parallel here ("
                    + threads.format() + " with " + p.workers() + " workers on " + p.cores()
                    + " cores): as serialised as a GIL would make them. The loop stayed at " + loop.format() + ".");
        }
        if (Check.atLeast(threads, p.threshold()) == Check.Outcome.HOLDS) {
            return new Judgement(cast.differs(), (cast.jvm() ? "The JVM has no GIL: " : "No GIL serialised them: ")
                    + p.workers() + " " + cast.threads() + " ran CPU-bound work " + threads.format() + " faster than one, on "
                    + p.cores() + " cores, where a GIL allows 1 x. The event loop, one thread, stayed at "
                    + loop.format() + ".");
        }
        throw new NotMeasured("inconclusive: the " + cast.pool() + " speed-up is " + threads.format() + ", neither wholly"
                + " <= " + SERIAL + " x (serialised, a GIL) nor wholly " + parallel + " (parallel)");
    }
}
