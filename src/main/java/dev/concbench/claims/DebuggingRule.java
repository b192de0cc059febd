package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;

/**
 * The debugging row, measured by what makes concurrent code hard to debug: nondeterminism. The
 * {@code determinism} scenario runs the same unsynchronised shared-counter program many times per
 * model and counts lost updates and distinct outcomes. The loop must be deterministic (0 lost,
 * 1 outcome); threads must show the race (some lost updates, or more than one outcome). A race
 * that did not show proves nothing, so that case is not measured rather than refuted.
 */
public record DebuggingRule() implements Rule {

    static final String SCENARIO = "determinism";

    @Override
    public String describe() {
        return "supported when the event loop loses 0 updates with 1 distinct outcome across runs and platform"
                + " threads lose updates or give more than 1 outcome; refuted when the loop is not deterministic;"
                + " not measured when no race showed";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        evidence.note("runs per model", String.join(", ", data.values(SCENARIO, "runs")));
        // every model's numbers first, so an undecided claim still shows what was measured
        for (String model : new String[] {EVENTLOOP.id(), PLATFORM_POOL.id(), VIRTUAL.id()}) {
            evidence.context(model + " lost updates per run", data, q(model, "lostUpdates"));
            evidence.context(model + " distinct outcomes", data, q(model, "distinctOutcomes"));
            evidence.context(model + " involuntary context switches per run", data,
                    q(model, "involuntaryCtxSwitches"));
        }
        Measure loopLost = data.require(q(EVENTLOOP.id(), "lostUpdates"));
        Measure loopOutcomes = data.require(q(EVENTLOOP.id(), "distinctOutcomes"));
        Measure poolLost = data.require(q(PLATFORM_POOL.id(), "lostUpdates"));
        Measure poolOutcomes = data.require(q(PLATFORM_POOL.id(), "distinctOutcomes"));
        evidence.decisiveNote("eventloop: " + loopLost.format() + " lost updates, " + loopOutcomes.format()
                + " outcome(s) (needs 0 and 1)");
        evidence.decisiveNote("platform-pool: " + poolLost.format() + " lost updates, " + poolOutcomes.format()
                + " outcome(s) (needs > 0 or > 1)");
        if (loopLost.value() != 0 || loopOutcomes.value() != 1) {
            return new Judgement(Verdict.REFUTED, "The event loop was not deterministic: " + loopLost.format()
                    + " lost updates, " + loopOutcomes.format() + " distinct outcomes.");
        }
        if (poolLost.value() > 0 || poolOutcomes.value() > 1) {
            return new Judgement(Verdict.SUPPORTED, "The loop gave the same answer every run; platform threads"
                    + " lost " + poolLost.format() + " updates per run with " + poolOutcomes.format()
                    + " distinct outcomes: a race that shows up only sometimes is what makes threads hard to debug.");
        }
        throw new NotMeasured("no race showed on platform threads in this run (0 lost updates, 1 outcome);"
                + " a race that did not happen proves nothing");
    }

    private static Query q(String model, String metric) {
        return Query.of(SCENARIO, model, metric);
    }
}
