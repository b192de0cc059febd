package dev.concbench.claims;

/**
 * A claim cannot be judged from this run: a deciding row is missing or guarded, or the ratio's
 * error interval straddles the threshold. The message is the reason a reader sees.
 */
public final class NotMeasured extends Exception {
    public NotMeasured(String reason) {
        super(reason, null, false, false);
    }
}
