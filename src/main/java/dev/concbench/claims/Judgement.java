package dev.concbench.claims;

import dev.concbench.results.ClaimResult.Verdict;

/**
 * What a rule concluded: a decided verdict (never {@code not measured}; that is a
 * {@link NotMeasured}) and a sentence or two a reader takes away.
 */
public record Judgement(Verdict verdict, String explanation) {

    public Judgement {
        if (verdict == Verdict.NOT_MEASURED) {
            throw new IllegalArgumentException("a rule reports 'not measured' by throwing NotMeasured");
        }
    }
}
