package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.concbench.workload.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker JVM killed between tasks is replaced, and the model says so ({@link
 * ExecutionModel#replacedWorkers()}, which the benchmarks publish as the {@code worker-replaced}
 * guard on the rows it served) instead of the run looking clean.
 */
class WorkerReplacedTest {

    @Test
    @Timeout(60)
    void aWorkerKilledBetweenTasksIsCountedAsReplaced() throws Exception {
        try (ExecutionModel model = Models.start("process-pool", Map.of("workers", "1"), WorkTarget.none())) {
            ProcessPoolModel pool = (ProcessPoolModel) model;
            model.submit(new Workload.CpuBurn(1000)).join();
            assertEquals(0, model.replacedWorkers());
            long first = pool.pool().pids().getFirst();
            ProcessHandle worker = ProcessHandle.of(first).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().join();
            while (pool.pool().pids().isEmpty() || pool.pool().pids().contains(first)) {
                Thread.sleep(20); // until the pool noticed and its replacement said hello
            }
            model.submit(new Workload.CpuBurn(1000)).join();
            assertEquals(1, model.replacedWorkers());
            assertNotEquals(first, pool.pool().pids().getFirst());
        }
    }
}
