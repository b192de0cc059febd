package dev.concbench.server;

import java.time.Duration;

/**
 * What the delay server accepts, so a client can never make it hold unbounded memory or time.
 *
 * @param maxHeadBytes the longest request line plus headers, in bytes; longer gets 400
 * @param headTimeout how long a started request may take to arrive completely before its connection closes
 * @param idleTimeout how long a keep-alive connection may sit idle between requests before it closes
 * @param maxDelay the longest {@code /delay/{ms}} served
 * @param maxBytes the largest {@code /bytes/{n}} served, in bytes
 */
public record ServerLimits(int maxHeadBytes, Duration headTimeout, Duration idleTimeout, Duration maxDelay, int maxBytes) {

    /** Limits generous enough for every benchmark, tight enough that a hostile client cannot hurt. */
    public static final ServerLimits DEFAULT = new ServerLimits(8 * 1024, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofMinutes(1), 1024 * 1024);
}
