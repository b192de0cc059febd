package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;

/**
 * A timing claim of one of the seed's example programs, run on the event loop with the seed's
 * seconds scaled to a time unit. The measured time is set against two hypotheses: the seed's
 * figure ({@code expected}, e.g. the longest delay) and what the program would take were the
 * claim false ({@code alternative}, e.g. the sum of the delays). Supported when elapsed / expected,
 * its error included, stays below the midpoint of the two, i.e. the run is nearer the seed's
 * figure; refuted when it is nearer the alternative, or when its value is below {@value #LOW}
 * (faster than the seed's timers allow: the program did not wait). Optionally a counter of the example (the semaphore's
 * peak concurrency, whether wait_for timed out) must equal an exact value first.
 *
 * <p>Deciding by the nearer hypothesis, not by a tight band around the seed's figure, keeps the
 * verdict about the claim (overlap vs serial, cancelled vs completed) rather than about the
 * loop's scheduling overhead on a busy machine, which only ever adds time.
 *
 * @param example        the {@code example} parameter of the {@code examples} scenario
 * @param expected       the elapsed time the seed claims, in units of its seconds
 * @param expectedWhy    where that number comes from, e.g. "the longest delay"
 * @param alternative    the elapsed time if the claim were false, in units, greater than {@code expected}
 * @param alternativeWhy where that number comes from, e.g. "the sum of the delays"
 * @param exact          a counter that must have an exact value first, or null
 * @param holds          the explanation when supported
 */
public record ExampleRule(String example, double expected, String expectedWhy, double alternative,
        String alternativeWhy, Exact exact, String holds) implements Rule {

    /** Lowest accepted elapsed / expected: a loop adds overhead to a timer, it cannot remove any. */
    public static final double LOW = 0.95;

    /** Highest accepted elapsed / expected: the midpoint between the seed's figure and the alternative. */
    public double high() {
        return (1 + alternative / expected) / 2;
    }

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
        return Query.of("examples", EVENTLOOP.id(), "elapsedUnits", "example=" + example);
    }

    @Override
    public String describe() {
        String first = exact == null ? "" : exact.metric() + " must equal " + Measure.number(exact.value())
                + " (" + exact.meaning() + "), and ";
        return "supported when " + first + "elapsed / " + Measure.number(expected) + " units (" + expectedWhy
                + ") is >= " + LOW + " and, error included, < " + Measure.number(high()) + ": nearer the seed's figure"
                + " than " + Measure.number(alternative) + " units (" + alternativeWhy + "); refuted when nearer that;"
                + " each row needs >= " + RunData.MIN_SAMPLES + " samples and a finite error (0 for an exact count)";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        if (exact != null) {
            Measure counter = evidence.decide(exact.metric(), data,
                    Query.of("examples", EVENTLOOP.id(), exact.metric(), "example=" + example));
            evidence.decisiveNote(exact.metric() + " = " + counter.format() + " (needs exactly "
                    + Measure.number(exact.value()) + ")");
            if (counter.value() != exact.value()) {
                return new Judgement(Verdict.REFUTED, exact.metric() + " was " + counter.format() + ", not "
                        + Measure.number(exact.value()) + ": the example did not show " + exact.meaning() + ".");
            }
        }
        Measure took = evidence.decide("elapsed (event loop)", data, elapsed());
        evidence.note("the seed's figure", Measure.number(expected) + " units (" + expectedWhy + ")");
        evidence.note("if the claim were false", Measure.number(alternative) + " units (" + alternativeWhy + ")");
        String band = "< " + Measure.number(high()) + ", nearer " + Measure.number(expected) + " than "
                + Measure.number(alternative);
        Measure ratio = evidence.decisive("elapsed / expected", Evidence.ratio(took, Measure.exact(expected, took.unit()), "elapsed / expected"), band);
        // refuted only when the whole interval lies below: a value under LOW whose interval reaches it is timer jitter
        if (Check.atLeast(ratio, LOW) == Check.Outcome.FAILS) {
            return new Judgement(Verdict.REFUTED, "It took " + took.format() + ", less than the seed's timers allow ("
                    + Measure.number(expected) + "): the example did not wait as the seed's program does.");
        }
        // the lower side of the interval is timer jitter (a loop only adds time); the claim is decided on the upper
        boolean ok = Check.decide(Check.atMost(ratio, high()), "elapsed / expected", ratio, band);
        return ok ? new Judgement(Verdict.SUPPORTED, holds + " (" + took.format() + ")")
                : new Judgement(Verdict.REFUTED, "It took " + took.format() + ", nearer "
                        + Measure.number(alternative) + " (" + alternativeWhy + ") than the seed's "
                        + Measure.number(expected) + " (" + expectedWhy + ").");
    }
}
