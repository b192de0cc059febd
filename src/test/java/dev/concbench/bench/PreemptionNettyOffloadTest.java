package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code preemption}'s {@code {netty, offload: executor}} row hands its hogs to the model's own Netty
 * executor group (the model started with {@code offload=executor}, one thread per hog), as
 * {@code eventloop+offload}'s row hands its hogs to its model's thread pool: not to a group the
 * benchmark builds beside the model.
 */
class PreemptionNettyOffloadTest {

    @Test
    @Timeout(30)
    void theHogsGoToTheModelsOwnExecutorGroup() throws Exception {
        PreemptionBenchmark bench = new PreemptionBenchmark();
        bench.model = "netty";
        bench.offload = "executor";
        bench.disturbance = "cpu-hog";
        bench.durationMs = 50;
        bench.openTasks();
        try {
            Executor executor = bench.offloadExecutor().orElseThrow(
                    () -> new AssertionError("netty was started without its offload executor"));
            assertInstanceOf(EventExecutorGroup.class, executor);
            assertTrue(bench.heartbeat() >= 1, "the heartbeat beat beside the offloaded hogs");
        } finally {
            bench.closeTasks();
        }
    }
}
