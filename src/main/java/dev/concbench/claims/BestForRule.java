package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.THREAD_PER_TASK;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;

/**
 * The "best for" row, as two ratios from the same run. I/O: at the highest arrival rate of the
 * open-loop {@code io-load} scenario, the single-threaded loop's throughput must keep up with the
 * platform-thread pool's. CPU: with N workers on N or more cores ({@code cpu-bound}), the pool
 * must beat the loop, which can use only one core, by the parallel threshold of
 * {@link CpuParallelism}. Both hold: supported; either fails: refuted.
 */
public record BestForRule() implements Rule {

    static final String IO = "io-load";
    /** The loop "keeps up" with threads on I/O at this fraction of their throughput or more. */
    public static final double KEEPS_UP = 0.9;

    @Override
    public String describe() {
        return "I/O: at the highest io-load rate, eventloop throughput / platform-pool throughput >= " + KEEPS_UP
                + " x; CPU: eventloop time / platform-pool time with N workers (N <= cores) >= 1 + (N-1)/2;"
                + " both hold: supported; either fails: refuted; errors included";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        List<String> rates = data.requireValues(IO, "rate");
        String rate = rates.getLast();
        evidence.note("io-load arrival rate", rate + " req/s");
        Query tput = Query.of(IO, EVENTLOOP.id(), "throughput", "rate=" + rate);
        // a sweep over server delays (the full profile) gives one row per delay at that rate: judge
        // at the longest, the most I/O-bound of them
        List<String> delays = data.values(IO, "delayMs");
        if (delays.size() > 1) {
            tput = tput.with("delayMs", delays.getLast());
            evidence.note("io-load server delay", delays.getLast() + " ms");
        }
        // every model's numbers first, so an undecided claim still shows what was measured
        for (String model : List.of(EVENTLOOP.id(), PLATFORM_POOL.id(), VIRTUAL.id(), THREAD_PER_TASK.id())) {
            evidence.context(model + " throughput", data, tput.withModel(model));
            evidence.context(model + " p99 latency", data, tput.withModel(model).withMetric("latency.p99"));
        }
        Measure loopIo = data.require(tput);
        Measure poolIo = data.require(tput.withModel(PLATFORM_POOL.id()));
        Measure ioRatio = evidence.decisiveRatio("I/O: eventloop / platform-pool throughput", loopIo, poolIo,
                ">= " + KEEPS_UP + " x");
        boolean keepsUp = Check.decide(Check.atLeast(ioRatio, KEEPS_UP), "eventloop / platform-pool throughput",
                ioRatio, ">= " + KEEPS_UP + " x");

        CpuParallelism p = CpuParallelism.of(data);
        Measure loopCpu = evidence.require("eventloop CPU time, " + p.workers() + " workers", data,
                CpuParallelism.time(EVENTLOOP.id(), p.workers()));
        Measure poolCpu = evidence.require("platform-pool CPU time, " + p.workers() + " workers", data,
                CpuParallelism.time(PLATFORM_POOL.id(), p.workers()));
        Measure cpuRatio = evidence.decisiveRatio("CPU: eventloop / platform-pool time", loopCpu, poolCpu,
                ">= " + Measure.number(p.threshold()) + " x");
        boolean threadsWinCpu = Check.decide(Check.atLeast(cpuRatio, p.threshold()),
                "eventloop / platform-pool CPU time", cpuRatio, ">= " + Measure.number(p.threshold()) + " x");

        if (!keepsUp) {
            return new Judgement(Verdict.REFUTED, "On I/O the one-thread loop did not keep up with the thread pool"
                    + " at " + rate + " req/s: " + loopIo.format() + " vs " + poolIo.format() + ".");
        }
        if (!threadsWinCpu) {
            return new Judgement(Verdict.REFUTED, "On CPU work threads were not clearly faster than the loop"
                    + " with " + p.workers() + " workers on " + p.cores() + " cores (" + cpuRatio.format() + ").");
        }
        return new Judgement(Verdict.SUPPORTED, "The loop kept up with the thread pool on I/O (" + ioRatio.format()
                + " its throughput at " + rate + " req/s) and threads beat it " + cpuRatio.format()
                + " on CPU work. Virtual threads (see the evidence) serve I/O with plain blocking code.");
    }
}
