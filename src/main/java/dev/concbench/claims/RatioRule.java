package dev.concbench.claims;

import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;

/**
 * The commonest rule: the ratio of two rows of the same run must reach a threshold, its error
 * included. At or above: supported; below: refuted; straddling: not measured.
 *
 * @param numerator   the row on top, with its label in the evidence
 * @param denominator the row below
 * @param threshold   the ratio the claim needs, dimensionless
 * @param why         why this threshold, in words (shown in the rule)
 * @param holds       the explanation when it holds; {@code %s} is the ratio
 * @param fails       the explanation when it fails; {@code %s} is the ratio
 * @param context     other rows recorded for the reader (other models), never deciding
 */
public record RatioRule(Labeled numerator, Labeled denominator, double threshold, String why, String holds,
        String fails, List<Labeled> context) implements Rule {

    /** A row and the name it has in the evidence. */
    public record Labeled(String label, Query query) {
    }

    public RatioRule {
        context = List.copyOf(context);
    }

    private String ratioName() {
        return numerator.label() + " / " + denominator.label();
    }

    @Override
    public String describe() {
        return "supported when " + ratioName() + " >= " + Measure.number(threshold) + " x with its error included ("
                + why + "); refuted when the whole interval is below";
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
        boolean ok = Check.decide(Check.atLeast(ratio, threshold), ratioName(), ratio,
                ">= " + Measure.number(threshold) + " x");
        return ok ? new Judgement(Verdict.SUPPORTED, holds.formatted(ratio.format()))
                : new Judgement(Verdict.REFUTED, fails.formatted(ratio.format()));
    }
}
