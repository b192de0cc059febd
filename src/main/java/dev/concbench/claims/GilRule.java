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
 * The GIL row, answered with what the JVM does instead: the CPU speed-up of a platform-thread
 * pool with N workers on C cores ({@code cpu-bound}: {@code time(1) / time(N)}, same model, same
 * run), next to the 1 x a GIL allows. Parallel speed-up means the JVM differs; a speed-up that
 * stays near 1 x means threads were serialised as the seed says.
 */
public record GilRule() implements Rule {

    static final String THREADS = PLATFORM_POOL.id();
    static final List<String> OTHERS = List.of(EVENTLOOP.id(), VIRTUAL.id(), PROCESS_POOL.id(), EVENTLOOP_OFFLOAD.id());

    @Override
    public String describe() {
        return "platform-pool speed-up = time(1 worker) / time(N workers) of the cpu-bound scenario, N = the largest"
                + " worker count <= cores; a GIL allows 1 x. 'differs on the JVM' when the speed-up reaches"
                + " 1 + (N-1)/2 (half the ideal gain) with its error included; 'supported' (threads serialised)"
                + " when the whole interval is below";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        CpuParallelism p = CpuParallelism.of(data);
        evidence.note("what a GIL allows", "1 x (one thread runs bytecode at a time)");
        evidence.note("ideal speed-up", Measure.number(p.workers()) + " x (" + p.workers() + " workers on "
                + p.cores() + " cores)");
        OTHERS.forEach(model -> p.contextSpeedup(data, evidence, model));
        Measure speedup = p.speedup(data, evidence, THREADS);
        String rule = ">= " + Measure.number(p.threshold()) + " x";
        boolean parallel = Check.decide(Check.atLeast(speedup, p.threshold()), "the platform-pool speed-up",
                speedup, rule);
        if (parallel) {
            return new Judgement(Verdict.DIFFERS_ON_THE_JVM, "The JVM has no GIL: " + p.workers()
                    + " platform threads ran CPU-bound work " + speedup.format() + " faster than one, on "
                    + p.cores() + " cores, where a GIL allows 1 x. The event loop, one thread, stays near 1 x.");
        }
        return new Judgement(Verdict.SUPPORTED, "Platform threads did not run CPU-bound work in parallel here ("
                + speedup.format() + " with " + p.workers() + " workers on " + p.cores()
                + " cores): as serialised as a GIL would make them.");
    }
}
