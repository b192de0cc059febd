package dev.concbench.claims;

import dev.concbench.results.Measure;

/**
 * Where a measured interval lies relative to a threshold. A claim is decided only when the whole
 * interval {@code value ± error} is on one side; a straddling interval decides nothing, and neither
 * does a value without an error bar (its interval is unknown: {@link Outcome#INCONCLUSIVE}).
 */
public final class Check {

    /** The outcome of comparing an interval with a threshold. */
    public enum Outcome {
        /** The whole interval satisfies the condition. */
        HOLDS,
        /** The whole interval violates it. */
        FAILS,
        /** The interval straddles the threshold: this run cannot tell. */
        INCONCLUSIVE
    }

    private Check() {
    }

    /** Whether {@code m >= threshold}. */
    public static Outcome atLeast(Measure m, double threshold) {
        if (m.low() >= threshold) {
            return Outcome.HOLDS;
        }
        return m.high() < threshold ? Outcome.FAILS : Outcome.INCONCLUSIVE;
    }

    /** Whether {@code m <= threshold}. */
    public static Outcome atMost(Measure m, double threshold) {
        if (m.high() <= threshold) {
            return Outcome.HOLDS;
        }
        return m.low() > threshold ? Outcome.FAILS : Outcome.INCONCLUSIVE;
    }

    /** Whether {@code low <= m <= high}. */
    public static Outcome within(Measure m, double low, double high) {
        if (m.low() >= low && m.high() <= high) {
            return Outcome.HOLDS;
        }
        return m.high() < low || m.low() > high ? Outcome.FAILS : Outcome.INCONCLUSIVE;
    }

    /**
     * {@code outcome}, or {@link NotMeasured} when it is inconclusive.
     *
     * @param what the compared quantity, e.g. {@code "platform-pool / eventloop handoff"}
     * @param m    its measured value
     * @param rule the threshold in words, e.g. {@code ">= 2 x"}
     */
    public static boolean decide(Outcome outcome, String what, Measure m, String rule) throws NotMeasured {
        if (!m.errorKnown()) {
            throw new NotMeasured(what + " is " + m.format() + " with no error bar, so it cannot be held to a"
                    + " threshold (" + rule + ")");
        }
        if (outcome == Outcome.INCONCLUSIVE) {
            throw new NotMeasured("inconclusive: " + what + " is " + m.format()
                    + ", an interval that straddles the threshold (" + rule + ")");
        }
        return outcome == Outcome.HOLDS;
    }
}
