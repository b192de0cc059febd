package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every spawn model publishes this JVM's CPU time per spawn after each iteration
 * ({@link ProcessCpuPerOp}). No timing is asserted: only that the value is there, positive, in us.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpawnCpuTest {

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "virtual", "thread-per-task", "process-pool", "coroutines", "netty"})
    void everyModelPublishesTheProcessCpuPerSpawn(String model) throws Exception {
        SpawnBenchmark b = new SpawnBenchmark();
        b.model = model;
        b.openTasks();
        try {
            IterationMetrics.drain();
            b.startCpu();
            for (int i = 0; i < 5; i++) {
                b.spawn();
            }
            b.publishCpu();
            List<IterationMetrics.Value> cpu = IterationMetrics.drain().stream()
                    .filter(v -> v.label().equals(SpawnBenchmark.CPU_METRIC)).toList();
            assertEquals(1, cpu.size(), model + ": one value per iteration");
            assertTrue(cpu.get(0).value() > 0, model + ": the spawns used CPU");
            assertEquals("us", cpu.get(0).unit());
        } finally {
            b.closeTasks();
            IterationMetrics.drain();
        }
    }

    /** An iteration that ran no operation publishes nothing (no division by zero). */
    @Test
    void anIterationWithoutOperationsPublishesNothing() {
        ProcessCpuPerOp cpu = new ProcessCpuPerOp("x", "us", 1_000);
        IterationMetrics.drain();
        cpu.start();
        cpu.publish();
        assertTrue(IterationMetrics.drain().isEmpty());
    }
}
