package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.LoopStats;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The netty model's loop-blocked evidence: a task that holds its loop past the slow-callback
 * threshold makes the heartbeat late by as much, which counts as a slow callback, as on our loop.
 */
class NettyLoopWatchTest {

    @Test
    @Timeout(20)
    void aTaskHoldingTheLoopPastTheThresholdCountsAsASlowCallback() throws InterruptedException {
        long blockMillis = 3 * LoopOptions.DEFAULT_SLOW_CALLBACK_THRESHOLD.toMillis();
        try (ExecutionModel model = Models.start("netty", Map.of(), WorkTarget.none())) {
            long before = model.loopStats().orElseThrow().slowCallbacks();
            model.execute(() -> {
                try {
                    Thread.sleep(blockMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, v -> { });
            LoopStats after = model.loopStats().orElseThrow();
            while (after.slowCallbacks() == before) { // the late beat runs right after the blocking task
                Thread.sleep(10);
                after = model.loopStats().orElseThrow();
            }
            assertTrue(after.maxCallbackNanos() >= LoopOptions.DEFAULT_SLOW_CALLBACK_THRESHOLD.toNanos(), after.toString());
            assertTrue(after.callbacksRun() > 0, after.toString());
            // on-time beats after the late one leave the longest stretch where it was: a maximum, not the latest
            long beatsThen = after.callbacksRun();
            while (model.loopStats().orElseThrow().callbacksRun() < beatsThen + 3) {
                Thread.sleep(10);
            }
            assertTrue(model.loopStats().orElseThrow().maxCallbackNanos() >= LoopOptions.DEFAULT_SLOW_CALLBACK_THRESHOLD.toNanos(),
                    model.loopStats().orElseThrow().toString());
        }
    }
}
