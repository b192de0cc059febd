package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.PROCESS_POOL;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;

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
 */
public record GilRule() implements Rule {

    static final String THREADS = PLATFORM_POOL.id();
    static final String LOOP = EVENTLOOP.id();
    static final List<String> OTHERS = List.of(VIRTUAL.id(), PROCESS_POOL.id(), EVENTLOOP_OFFLOAD.id());
    /** A speed-up at or below this is "about 1 x": serialised, as a GIL makes threads. */
    public static final double SERIAL = 1.1;

    @Override
    public String describe() {
        return "speed-up = time(1 worker) / time(N workers) of the cpu-bound scenario, N = the largest worker count"
                + " <= cores, errors included. asyncio's cell: the eventloop speed-up must lie at or below " + SERIAL
                + " x (refuted when wholly above). Threading's cell: platform-pool at or below " + SERIAL
                + " x is 'supported' (serialised, as a GIL would); reaching 1 + (N-1)/2 is 'differs on the JVM';"
                + " between the two, or straddling either: not measured";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        CpuParallelism p = CpuParallelism.of(data);
        evidence.note("what a GIL allows", "1 x (one thread runs bytecode at a time)");
        evidence.note("ideal speed-up", Measure.number(p.workers()) + " x (" + p.workers() + " workers on "
                + p.cores() + " cores)");
        OTHERS.forEach(model -> p.contextSpeedup(data, evidence, model));
        String parallel = ">= " + Measure.number(p.threshold()) + " x";
        Measure loop = p.speedup(data, evidence, LOOP, "<= " + SERIAL + " x (one thread)");
        boolean oneThread = Check.decide(Check.atMost(loop, SERIAL), "the eventloop speed-up", loop,
                "<= " + SERIAL + " x");
        if (!oneThread) {
            return new Judgement(Verdict.REFUTED, "The event loop ran CPU-bound coroutines " + loop.format()
                    + " faster with " + p.workers() + " workers than with one: more than one thread ran them,"
                    + " against asyncio's \"only one thread runs all coroutines\".");
        }
        Measure threads = p.speedup(data, evidence, THREADS, "<= " + SERIAL + " x (a GIL) or " + parallel
                + " (no GIL)");
        if (Check.atMost(threads, SERIAL) == Check.Outcome.HOLDS) {
            return new Judgement(Verdict.SUPPORTED, "Platform threads did not run CPU-bound work in parallel here ("
                    + threads.format() + " with " + p.workers() + " workers on " + p.cores()
                    + " cores): as serialised as a GIL would make them. The loop stayed at " + loop.format() + ".");
        }
        if (Check.atLeast(threads, p.threshold()) == Check.Outcome.HOLDS) {
            return new Judgement(Verdict.DIFFERS_ON_THE_JVM, "The JVM has no GIL: " + p.workers()
                    + " platform threads ran CPU-bound work " + threads.format() + " faster than one, on "
                    + p.cores() + " cores, where a GIL allows 1 x. The event loop, one thread, stayed at "
                    + loop.format() + ".");
        }
        throw new NotMeasured("inconclusive: the platform-pool speed-up is " + threads.format() + ", neither wholly"
                + " <= " + SERIAL + " x (serialised, a GIL) nor wholly " + parallel + " (parallel)");
    }
}
