package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;
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

    static LoopFuture<Void> run(ExampleContext ctx) {
        Duration beat = ctx.units(HEARTBEAT_SECONDS);
        ctx.print("bad_example: time.sleep(5) on the loop thread");
        return LoopHeartbeat.around(ctx, beat, () -> badExample(ctx))
                .then(bad -> {
                    Lateness.report(ctx, "bad_example", bad, ExampleResult.STALL_MS);
                    ctx.print("good_example: await asyncio.sleep(5)");
                    return LoopHeartbeat.around(ctx, beat, () -> ctx.sleep(SLEEP_SECONDS).map(v -> "Done"));
                })
                .map(good -> {
                    Lateness.report(ctx, "good_example", good, ExampleResult.FIXED_STALL_MS);
                    return null;
                });
    }

    /** The pitfall itself: a blocking sleep inside a loop callback. */
    private static LoopFuture<String> badExample(ExampleContext ctx) {
        return ctx.loop().completed(ctx.units(SLEEP_SECONDS)).map(pause -> {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while demonstrating a blocking sleep", e);
            }
            return "Done";
        });
    }
}
