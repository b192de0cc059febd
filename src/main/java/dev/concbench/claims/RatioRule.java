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
 * @param stalls      what a stall guard ({@link Guards#STALLS}) on a compared row means for the claim
 * @param construction what the ratio's value is by construction and so what varies in it, or null
 */
public record RatioRule(Labeled numerator, Labeled denominator, double threshold, double refuteBelow, String why,
        String holds,
        String fails, List<Labeled> context, List<Stall> stalls, String construction) implements Rule {

    /** A row and the name it has in the evidence. */
    public record Labeled(String label, Query query) {
    }

    /**
     * A compared row on which a stall guard is evidence, not noise.
     *
     * @param row       the numerator's or the denominator's query
     * @param predicted true when the claim says this model stalls here (the guard is tolerated and the
     *                  ratio decides); false when it says the model stays responsive (the guard refutes)
     * @param meaning   what the stall contradicts, e.g. "the OS keeps preempting threads"
     */
    public record Stall(Query row, boolean predicted, String meaning) {
    }

    public RatioRule {
        if (!(refuteBelow <= threshold)) {
            throw new IllegalArgumentException("refuteBelow must be <= threshold, was " + refuteBelow + " > " + threshold);
        }
        context = List.copyOf(context);
        stalls = List.copyOf(stalls);
    }

    /** A ratio rule where no stall is evidence and nothing is fixed by construction. */
    public RatioRule(Labeled numerator, Labeled denominator, double threshold, double refuteBelow, String why,
            String holds, String fails, List<Labeled> context) {
        this(numerator, denominator, threshold, refuteBelow, why, holds, fails, context, List.of(), null);
    }

    private String ratioName() {
        return numerator.label() + " / " + denominator.label();
    }

    @Override
    public String describe() {
        String stallText = stalls.stream().filter(st -> !st.predicted()).map(st -> st.row().model())
                .map(m -> "; refuted as well when " + m + "'s row carries a stall guard (" + String.join(" / ",
                        new java.util.TreeSet<>(Guards.STALLS)) + ")").distinct().collect(java.util.stream.Collectors.joining());
        return "supported when " + ratioName() + " >= " + Measure.number(threshold) + " x with its error included ("
                + why + "); refuted when the whole interval is below " + Measure.number(refuteBelow) + " x"
                + stallText + "; each row needs >= " + RunData.MIN_SAMPLES + " samples and a finite error"
                + (construction == null ? "" : ". By construction: " + construction);
    }

    private java.util.Set<String> tolerated(Query q) {
        return stalls.stream().anyMatch(st -> st.predicted() && st.row().equals(q)) ? Guards.STALLS
                : java.util.Set.of();
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        // context first, so a claim that cannot be decided still shows what was measured
        context.forEach(c -> evidence.context(c.label(), data, c.query()));
        evidence.context(numerator.label(), data, numerator.query());
        evidence.context(denominator.label(), data, denominator.query());
        if (construction != null) {
            evidence.note("by construction", construction);
        }
        for (Stall st : stalls) {
            if (st.predicted()) {
                continue;
            }
            Labeled side = st.row().equals(numerator.query()) ? numerator : denominator;
            List<String> seen = data.has(st.row()) ? Guards.stalls(data.row(st.row()).guards()) : List.of();
            if (!seen.isEmpty()) {
                evidence.decide(side.label(), data, st.row(), Guards.STALLS);
                evidence.decisiveNote(side.label() + " stalled: " + String.join("; ", seen) + " (needs no stall: "
                        + st.meaning() + ")");
                return new Judgement(Verdict.REFUTED, side.label() + " stalled (" + String.join("; ", seen)
                        + "), against the claim that " + st.meaning() + ".");
            }
        }
        Measure top = evidence.decide(numerator.label(), data, numerator.query(), tolerated(numerator.query()));
        Measure bottom = evidence.decide(denominator.label(), data, denominator.query(),
                tolerated(denominator.query()));
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
