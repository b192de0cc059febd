package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;

/**
 * The commonest rule: the ratio of two rows of the same run must reach a threshold, its error
 * included. At or above {@code threshold}: supported; wholly below {@code refuteBelow} (the claim's
 * negation, e.g. "the loop was no later than the threads"): refuted; anywhere between, or
 * straddling either bound: not measured, because a ratio short of the claim but not contradicting
 * it is what a noisy machine produces, not evidence against the seed.
 *
 * @param numerator   the row on top, with its label in the evidence
 * @param denominator the row below
 * @param threshold   the ratio the claim needs, dimensionless
 * @param refuteBelow the ratio below which the claim is contradicted, dimensionless, at most {@code threshold}
 * @param why         why this threshold, in words (shown in the rule)
 * @param holds       the explanation when it holds; {@code %s} is the ratio
 * @param fails       the explanation when it fails; {@code %s} is the ratio
 * @param context     other rows recorded for the reader (other models), never deciding
 */
public record RatioRule(Labeled numerator, Labeled denominator, double threshold, double refuteBelow, String why,
        String holds,
        String fails, List<Labeled> context) implements Rule {

    /** A row and the name it has in the evidence. */
    public record Labeled(String label, Query query) {
    }

    public RatioRule {
        if (!(refuteBelow <= threshold)) {
            throw new IllegalArgumentException("refuteBelow must be <= threshold, was " + refuteBelow + " > " + threshold);
        }
        context = List.copyOf(context);
    }

    private String ratioName() {
        return numerator.label() + " / " + denominator.label();
    }

    @Override
    public String describe() {
        return "supported when " + ratioName() + " >= " + Measure.number(threshold) + " x with its error included ("
                + why + "); refuted when the whole interval is below " + Measure.number(refuteBelow) + " x";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        // context first, so a claim that cannot be decided still shows what was measured
        context.forEach(c -> evidence.context(c.label(), data, c.query()));
        evidence.context(numerator.label(), data, numerator.query());
        evidence.context(denominator.label(), data, denominator.query());
        Measure top = data.require(numerator.query());
        Measure bottom = data.require(denominator.query());
        Measure ratio = evidence.decisiveRatio(ratioName(), top, bottom, ">= " + Measure.number(threshold) + " x");
        if (Check.atLeast(ratio, threshold) == Check.Outcome.HOLDS) {
            return new Judgement(Verdict.SUPPORTED, holds.formatted(ratio.format()));
        }
        if (Check.atLeast(ratio, refuteBelow) == Check.Outcome.FAILS) {
            return new Judgement(Verdict.REFUTED, fails.formatted(ratio.format()));
        }
        throw new NotMeasured("inconclusive: " + ratioName() + " is " + ratio.format() + ", not wholly >= "
                + Measure.number(threshold) + " x (the claim) nor wholly < " + Measure.number(refuteBelow)
                + " x (its negation)");
    }
}
