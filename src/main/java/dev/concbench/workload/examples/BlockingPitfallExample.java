package dev.concbench.workload.examples;

import java.time.Duration;

/**
 * The seed's pitfall 1, blocking the event loop: {@code time.sleep(5)} inside a coroutine stalls
 * every other coroutine for 5 s; {@code await asyncio.sleep(5)} does not. Runs both while a
 * heartbeat (every 0.1 s) measures the loop's responsiveness; about 11 units in all.
 */
final class BlockingPitfallExample {

    private static final double SLEEP_SECONDS = 5;
    private static final double HEARTBEAT_SECONDS = 0.1;

    private BlockingPitfallExample() {
    }

    static void run(ExampleContext ctx) {
        Duration beat = ctx.units(HEARTBEAT_SECONDS);
        ctx.print("bad_example: time.sleep(5) on the loop thread");
        LoopHeartbeat.Measured bad = LoopHeartbeat.around(ctx, beat, () -> badExample(ctx));
        Lateness.report(ctx, "bad_example", bad, ExampleResult.STALL_MS);
        ctx.print("good_example: await asyncio.sleep(5)");
        LoopHeartbeat.Measured good = LoopHeartbeat.around(ctx, beat, () -> goodExample(ctx));
        Lateness.report(ctx, "good_example", good, ExampleResult.FIXED_STALL_MS);
    }

    /** The pitfall itself, the seed's {@code bad_example}: a blocking sleep inside a coroutine. */
    private static String badExample(ExampleContext ctx) {
        try {
            Thread.sleep(ctx.units(SLEEP_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while demonstrating a blocking sleep", e);
        }
        return "Done";
    }

    /** The seed's {@code good_example}: {@code await asyncio.sleep(5)}. */
    private static String goodExample(ExampleContext ctx) {
        ctx.sleep(SLEEP_SECONDS);
        return "Done";
    }
}
