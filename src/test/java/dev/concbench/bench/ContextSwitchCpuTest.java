package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop models publish the loop thread's CPU time per hand-off after every iteration; the thread
 * models publish none. No timing is asserted: only that the value is there and positive.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextSwitchCpuTest {

    private static List<IterationMetrics.Value> oneIteration(String model) throws Exception {
        ContextSwitchBenchmark b = new ContextSwitchBenchmark();
        b.model = model;
        b.openTasks();
        try {
            IterationMetrics.drain();
            b.startCpu();
            for (int i = 0; i < 20; i++) {
                b.handoff();
            }
            b.publishCpu();
            return IterationMetrics.drain().stream()
                    .filter(v -> v.label().equals(ContextSwitchBenchmark.CPU_METRIC)).toList();
        } finally {
            b.closeTasks();
        }
    }

    @Test
    void theLoopModelsPublishTheLoopThreadsCpuPerHandoff() throws Exception {
        for (String model : List.of("eventloop", "coroutines", "netty")) {
            List<IterationMetrics.Value> cpu = oneIteration(model);
            assertEquals(1, cpu.size(), model + ": one value per iteration");
            assertTrue(cpu.get(0).value() > 0, model + ": the loop thread used CPU for the hand-offs");
            assertEquals("ns", cpu.get(0).unit());
        }
    }

    @Test
    void theThreadModelsPublishNone() throws Exception {
        assertTrue(oneIteration("platform-pool").isEmpty());
    }
}
