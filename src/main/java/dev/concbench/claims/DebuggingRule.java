package dev.concbench.claims;

import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.Measure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The debugging row, measured by what makes concurrent code hard to debug: nondeterminism. The
 * {@code determinism} scenario runs the same unsynchronised shared-counter program {@code runs}
 * times per model and counts lost updates and distinct final counts ({@code distinctOutcomes}).
 *
 * <p>The loop runs it twice: without an await between each read and its write (nothing can
 * interleave: 0 lost), and with one ({@code await=between}, a zero-delay yield: every task reads,
 * yields, writes a stale value, so updates are lost, the same number every run, because the switch
 * points are in the code). "Deterministic switch points" is judged on both variants' distinct
 * outcomes: 1 each. Threads lose a different number each run: more than 1 outcome.
 *
 * <p>Supported: both loop variants 1 outcome, platform threads more than 1 in at least one shot
 * (one shot whose runs disagree is a race; the mean over shots and its error are not the question).
 * Refuted: either loop variant gave more than 1 outcome. Not measured: a row is missing or has fewer than 3 runs, or
 * the race did not show on threads (1 outcome): a race that did not happen proves nothing.
 *
 * @param cast which models play the loop and the threads
 */
public record DebuggingRule(Cast cast) implements Rule {

    static final String SCENARIO = "determinism";
    /** The parameter that says whether the loop's tasks await between a read and its write. */
    public static final String AWAIT = "await";
    /** No await between read and write (asyncio code that never yields mid-update). */
    public static final String NO_AWAIT = "none";
    /** A zero-delay await between read and write: the seed's lost update, at a switch point in the code. */
    public static final String AWAIT_BETWEEN = "between";

    @Override
    public String describe() {
        return "distinctOutcomes over the runs: supported when " + cast.loop() + " gives 1 outcome both without an await"
                + " between read and write (await=" + NO_AWAIT + ") and with one (await=" + AWAIT_BETWEEN + ", which"
                + " loses updates, the same number every run) while " + cast.pool() + " gives more than 1; refuted when"
                + " either loop variant gives more than 1; not measured when no race showed on threads; each row"
                + " needs >= " + RunData.MIN_SAMPLES + " runs and an error (0 for an exact count)";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        evidence.note("runs per model", String.join(", ", data.values(SCENARIO, "runs")));
        // every model's numbers first, so an undecided claim still shows what was measured
        for (Query loop : new Query[] {loop("lostUpdates", NO_AWAIT), loop("lostUpdates", AWAIT_BETWEEN)}) {
            String name = cast.loop() + ", await=" + loop.params().get(AWAIT);
            evidence.context(name + ": lost updates per run", data, loop);
            evidence.context(name + ": distinct outcomes", data, loop.withMetric("distinctOutcomes"));
        }
        for (String model : Cast.models(cast.pool(), cast.jvm() ? cast.lightweight() : null)) {
            evidence.context(model + " lost updates per run", data, q(model, "lostUpdates"));
            evidence.context(model + " distinct outcomes", data, q(model, "distinctOutcomes"));
            evidence.context(model + " involuntary context switches per run", data,
                    q(model, "involuntaryCtxSwitches"));
        }
        Measure plain = evidence.decide(cast.loop() + ", no await: distinct outcomes", data,
                loop("distinctOutcomes", NO_AWAIT));
        Measure awaiting = evidence.decide(cast.loop() + ", await between read and write: distinct outcomes", data,
                loop("distinctOutcomes", AWAIT_BETWEEN));
        Measure awaitingLost = evidence.decide(cast.loop() + ", await between read and write: lost updates per run", data,
                loop("lostUpdates", AWAIT_BETWEEN));
        Measure threads = evidence.decide(cast.pool() + " distinct outcomes", data, q(cast.pool(),
                "distinctOutcomes"));
        evidence.decisiveNote(cast.loop() + " distinct outcomes: " + plain.format() + " without an await, "
                + awaiting.format() + " with one, losing " + awaitingLost.format() + " updates per run (needs 1 and 1)");
        List<Double> shots = perShot(data, q(cast.pool(), "distinctOutcomes"));
        evidence.decisiveNote(cast.pool() + " distinct outcomes per shot: " + describeShots(shots, threads)
                + " (needs > 1 in a shot)");
        if (plain.value() > 1 || awaiting.value() > 1) {
            return new Judgement(Verdict.REFUTED, "The event loop was not deterministic: " + plain.format()
                    + " distinct outcomes without an await between read and write, " + awaiting.format()
                    + " with one.");
        }
        if (!(awaitingLost.value() - awaitingLost.error() > 0)) {
            // without lost updates the await variant raced nothing, and "one outcome" could not have failed
            throw new NotMeasured("the loop with an await between read and write lost " + awaitingLost.format()
                    + " updates per run: no switch point fell between a read and its write, so its single outcome"
                    + " proves nothing");
        }
        boolean raced = shots.isEmpty() ? threads.value() > 1 : shots.stream().anyMatch(n -> n > 1);
        if (raced) {
            return new Judgement(Verdict.SUPPORTED, "The loop gave one answer every run, with or without an await"
                    + " between read and write (with one it lost " + awaitingLost.format() + " updates per run, the"
                    + " same each time: the switch point is in the code); " + cast.threads() + " gave different"
                    + " answers: " + describeShots(shots, threads) + " distinct outcomes: a race that shows up"
                    + " differently each run is what makes threads hard to debug.");
        }
        throw new NotMeasured("no race showed on " + cast.threads() + " in this run (1 distinct outcome);"
                + " a race that did not happen proves nothing");
    }

    /** Each shot's value of the row {@code q} names (its raw samples), empty when the run kept none. */
    private static List<Double> perShot(RunData data, Query q) throws NotMeasured {
        return data.row(q).perFork().stream().flatMap(List::stream).toList();
    }

    /**
     * A count per shot as the shots gave it ("2, 2, 9 per shot (3 shots)"): its mean's Student-t error over
     * three shots (e.g. 4.33 +- 89.99) would say nothing a reader can use. The mean when no shot was kept.
     */
    static String describeShots(List<Double> shots, Measure mean) {
        if (shots.isEmpty()) {
            return mean.format();
        }
        return shots.stream().map(n -> n == Math.rint(n) ? String.valueOf(n.longValue()) : String.valueOf(n))
                .collect(Collectors.joining(", ")) + " per shot (" + shots.size() + " shots)";
    }

    private static Query q(String model, String metric) {
        return Query.of(SCENARIO, model, metric);
    }

    private Query loop(String metric, String await) {
        return Query.of(SCENARIO, cast.loop(), metric, AWAIT + "=" + await);
    }
}
