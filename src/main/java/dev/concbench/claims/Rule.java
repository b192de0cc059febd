package dev.concbench.claims;

/**
 * How a claim is decided from one run: which rows it reads, the threshold on their ratio, and
 * what the outcome means. Implementations are immutable and thread-safe.
 */
public interface Rule {

    /** The rule in words, with its threshold, e.g. "supported when ... >= 2 x, its error included". */
    String describe();

    /**
     * Decides the claim, recording every number it reads into {@code evidence}.
     *
     * @throws NotMeasured when a deciding row is missing or guarded, or the result is inconclusive
     */
    Judgement judge(RunData data, Evidence evidence) throws NotMeasured;
}
