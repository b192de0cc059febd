package dev.concbench.claims;

import dev.concbench.results.ClaimResult.Verdict;

/**
 * A timing claim of one of the seed's example programs, run on the event loop with the seed's
 * seconds scaled to a time unit: the elapsed time, in units, divided by what the seed says it
 * should take must fall in [{@value #LOW}, {@value #HIGH}]; optionally a counter of the example
 * (the semaphore's peak concurrency, whether wait_for timed out) must equal an exact value first.
 *
 * <p>The band is asymmetric because a loop can only add overhead to a timer, never remove it; its
 * upper end still lies far below the sum of the delays, which is what a serial run would take.
 *
 * @param example     the {@code example} parameter of the {@code examples} scenario
 * @param expected    the elapsed time the seed claims, in units of its seconds
 * @param expectedWhy where that number comes from, e.g. "the longest delay, 3, not the sum, 6"
 * @param exact       a counter that must have an exact value first, or null
 * @param holds       the explanation when supported
 */
public record ExampleRule(String example, double expected, String expectedWhy, Exact exact, String holds)
        implements Rule {

    /** Lowest accepted elapsed / expected. */
    public static final double LOW = 0.95;
    /** Highest accepted elapsed / expected. */
    public static final double HIGH = 1.25;

    /**
     * A counter that must equal {@code value}.
     *
     * @param metric  e.g. {@code maxConcurrent}
     * @param value   the value the seed implies, e.g. 3
     * @param meaning what it shows, e.g. "at most 3 requests in flight"
     */
    public record Exact(String metric, double value, String meaning) {
    }

    private Query elapsed() {
        return Query.of("examples", "eventloop", "elapsedUnits", "example=" + example);
    }

    @Override
    public String describe() {
        String first = exact == null ? "" : exact.metric() + " must equal " + Measure.number(exact.value())
                + " (" + exact.meaning() + "), and ";
        return "supported when " + first + "elapsed / " + Measure.number(expected) + " units (" + expectedWhy
                + ") lies in [" + LOW + ", " + HIGH + "] with its error included; refuted outside";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        if (exact != null) {
            Measure counter = evidence.require(exact.metric(), data,
                    Query.of("examples", "eventloop", exact.metric(), "example=" + example));
            evidence.decisiveNote(exact.metric() + " = " + counter.format() + " (needs exactly "
                    + Measure.number(exact.value()) + ")");
            if (counter.value() != exact.value()) {
                return new Judgement(Verdict.REFUTED, exact.metric() + " was " + counter.format() + ", not "
                        + Measure.number(exact.value()) + ": the example did not show " + exact.meaning() + ".");
            }
        }
        Measure took = evidence.require("elapsed (event loop)", data, elapsed());
        evidence.note("the seed's expectation", Measure.number(expected) + " units (" + expectedWhy + ")");
        Measure ratio = evidence.decisive("elapsed / expected", took.over(new Measure(expected, Double.NaN,
                took.unit())), "in [" + LOW + ", " + HIGH + "]");
        boolean ok = Check.decide(Check.within(ratio, LOW, HIGH), "elapsed / expected", ratio,
                "in [" + LOW + ", " + HIGH + "]");
        return ok ? new Judgement(Verdict.SUPPORTED, holds)
                : new Judgement(Verdict.REFUTED, "It took " + took.format() + " where the seed says "
                        + Measure.number(expected) + " (" + expectedWhy + ").");
    }
}
