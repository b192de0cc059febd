package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;

/**
 * The "best for" row, as two contests in the same run.
 *
 * <p>I/O: the open-loop {@code io-load} scenario sweeps the arrival rate. A model sustains a rate
 * when its p99 latency there (from the intended send time) lies wholly under {@value #P99_BOUND} x
 * the server's delay and, where the run counts them, no request was left uncompleted; its highest
 * sustained rate is the last of an unbroken run of sustained rates from the lowest. The loop keeps
 * up when its highest sustained rate is at least the platform-thread pool's. A sweep in which no
 * model fell behind decides nothing (everyone meets an easy rate), and a p99 interval that straddles
 * the bound leaves the contest undecided.
 *
 * <p>CPU: with N workers on N or more cores ({@code cpu-bound}), the pool must beat the loop, which
 * can use only one core, by the parallel threshold of {@link CpuParallelism}. Both hold: supported;
 * either fails: refuted.
 *
 * @param cast which models play the loop and the thread pool
 */
public record BestForRule(Cast cast) implements Rule {

    static final String IO = "io-load";
    static final String P99 = "latency.p99";
    /** Requests not completed by the end of the shot's drain window (counted where the run publishes it). */
    static final String NOT_COMPLETED = "notCompleted";
    /** A rate is sustained while p99 stays under this many times the server's delay. */
    public static final double P99_BOUND = 2;

    @Override
    public String describe() {
        return "I/O: a model sustains an io-load arrival rate when its " + P99 + " lies wholly under " + Measure.number(
                P99_BOUND) + " x the server delay (and " + NOT_COMPLETED + " is 0 where counted); the loop keeps up"
                + " when its highest sustained rate >= " + cast.pool() + "'s; not measured when no model fell behind in"
                + " the sweep or a p99 straddles the bound. CPU: " + cast.loop() + " time / " + cast.pool()
                + " time with N workers"
                + " (N <= cores) >= 1 + (N-1)/2. Both hold: supported; either fails: refuted; each row needs >= "
                + RunData.MIN_SAMPLES + " samples and a finite error";
    }

    /** How far one model got up the rate sweep. */
    private record Sustained(String model, String highest, String fellBehindAt) {
        double rate() {
            return highest == null ? 0 : Double.parseDouble(highest);
        }

        String text() {
            return (highest == null ? "sustained no rate" : "sustained " + highest + " req/s")
                    + (fellBehindAt == null ? ", the highest rate run" : "; fell behind at " + fellBehindAt + " req/s");
        }
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        List<String> rates = data.requireValues(IO, "rate");
        String loopId = cast.loop();
        String poolId = cast.pool();
        Query p99 = Query.of(IO, loopId, P99);
        // a sweep over server delays (the full profile): judge at the longest, the most I/O-bound of them
        List<String> delays = data.requireValues(IO, "delayMs");
        String delay = delays.getLast();
        if (delays.size() > 1) {
            p99 = p99.with("delayMs", delay);
        }
        double bound = P99_BOUND * Double.parseDouble(delay);
        evidence.note("io-load server delay", delay + " ms");
        evidence.note("p99 bound for a sustained rate", Measure.number(bound) + " ms (" + Measure.number(P99_BOUND)
                + " x the delay)");
        evidence.note("io-load arrival rates", String.join(", ", rates) + " req/s");
        // every model's numbers first, so an undecided claim still shows what was measured
        for (String model : Cast.models(loopId, poolId, cast.lightweight(), cast.perTask())) {
            for (String rate : rates) {
                evidence.context(model + " p99 latency at " + rate + " req/s", data,
                        p99.withModel(model).with("rate", rate));
            }
        }
        Sustained loop = sustained(data, evidence, p99, rates, bound);
        Sustained pool = sustained(data, evidence, p99.withModel(poolId), rates, bound);
        evidence.decisiveNote(loopId + " " + loop.text() + "; " + poolId + " " + pool.text()
                + " (needs " + loopId + "'s highest sustained rate >= " + poolId + "'s)");
        if (loop.fellBehindAt() == null && pool.fellBehindAt() == null) {
            throw new NotMeasured("no model fell behind up to " + rates.getLast() + " req/s (p99 under "
                    + Measure.number(bound) + " ms for both): a rate every model meets decides nothing; the sweep"
                    + " must reach a rate that stresses the pool");
        }
        boolean keepsUp = loop.rate() >= pool.rate();

        CpuParallelism p = CpuParallelism.of(data);
        Measure loopCpu = evidence.decide(loopId + " CPU time, " + p.workers() + " workers", data,
                CpuParallelism.time(loopId, p.workers()));
        Measure poolCpu = evidence.decide(poolId + " CPU time, " + p.workers() + " workers", data,
                CpuParallelism.time(poolId, p.workers()));
        Measure cpuRatio = evidence.decisiveRatio("CPU: " + loopId + " / " + poolId + " time", loopCpu, poolCpu,
                ">= " + Measure.number(p.threshold()) + " x");
        boolean threadsWinCpu = Check.decide(Check.atLeast(cpuRatio, p.threshold()),
                loopId + " / " + poolId + " CPU time", cpuRatio, ">= " + Measure.number(p.threshold()) + " x");

        if (!keepsUp) {
            return new Judgement(Verdict.REFUTED, "On I/O the one-thread loop fell behind before the thread pool did:"
                    + " " + loopId + " " + loop.text() + ", " + poolId + " " + pool.text() + ".");
        }
        if (!threadsWinCpu) {
            return new Judgement(Verdict.REFUTED, "On CPU work threads were not clearly faster than the loop"
                    + " with " + p.workers() + " workers on " + p.cores() + " cores (" + cpuRatio.format() + ").");
        }
        return new Judgement(Verdict.SUPPORTED, "On I/O the loop went at least as far up the arrival rates as the"
                + " thread pool (" + loopId + " " + loop.text() + "; " + poolId + " " + pool.text() + "), and threads"
                + " beat it " + cpuRatio.format() + " on CPU work." + (cast.jvm() ? " Virtual threads (see the evidence)"
                + " serve I/O with plain blocking code." : ""));
    }

    /**
     * The highest rate of an unbroken run of sustained rates from the lowest, deciding on each p99 row.
     *
     * @throws NotMeasured when a row cannot decide or its p99 straddles the bound
     */
    private static Sustained sustained(RunData data, Evidence evidence, Query p99, List<String> rates, double bound)
            throws NotMeasured {
        String highest = null;
        for (String rate : rates) {
            Query q = p99.with("rate", rate);
            String label = p99.model() + " p99 latency at " + rate + " req/s";
            Measure m = evidence.decide(label, data, q);
            Check.Outcome under = Check.atMost(m, bound);
            boolean completed = true;
            if (data.has(q.withMetric(NOT_COMPLETED))) {
                completed = evidence.decide(p99.model() + " requests not completed at " + rate + " req/s", data,
                        q.withMetric(NOT_COMPLETED)).value() == 0;
            }
            if (under == Check.Outcome.FAILS || !completed) {
                return new Sustained(p99.model(), highest, rate);
            }
            Check.decide(under, label, m, "< " + Measure.number(bound) + " ms");
            highest = rate;
        }
        return new Sustained(p99.model(), highest, null);
    }
}
