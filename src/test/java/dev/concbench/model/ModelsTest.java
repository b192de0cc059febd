package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.vocab.CarrierFlags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry: the metrics.md names, and one clear line for every bad name or parameter. */
class ModelsTest {

    @Test
    void namesAreThoseOfTheMeasurementContract() {
        assertEquals(List.of("eventloop", "platform-pool", "thread-per-task", "virtual", "process-pool", "eventloop+offload",
                "coroutines", "netty"),
                Models.names());
    }

    @Test
    void anUnknownModelNamesTheChoices() {
        assertEquals("unknown model 'virtul' (expected one of eventloop, platform-pool, thread-per-task, virtual, "
                + "process-pool, eventloop+offload, coroutines, netty)", reject("virtul", Map.of()));
    }

    @Test
    void badParametersStateTheRuleAndTheValue() {
        assertEquals("poolSize must be >= 1, was 0", reject("platform-pool", Map.of("poolSize", "0")));
        assertEquals("workers must be >= 1, was -2", reject("process-pool", Map.of("workers", "-2")));
        assertEquals("poolSize must be an integer >= 1, was 'many'", reject("platform-pool", Map.of("poolSize", "many")));
        assertEquals("model 'virtual' has no parameter 'poolSize' (it takes carriers)", reject("virtual", Map.of("poolSize", "4")));
        assertEquals("model 'eventloop' has no parameter 'workers' (it takes none)", reject("eventloop", Map.of("workers", "2")));
        assertEquals("offload must be one of process, threads, was 'gpu'", reject("eventloop+offload", Map.of("offload", "gpu")));
        assertEquals("offload must be one of executor, was 'threads'", reject("netty", Map.of("offload", "threads")));
    }

    @Test
    void carriersNeedsAJvmStartedForIt() {
        String message = reject("virtual", Map.of("carriers", "1"));
        assertTrue(message.contains("-Djdk.virtualThreadScheduler.parallelism=1"), message);
        assertEquals(List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
                CarrierFlags.jvmArgs("1"));
    }

    @Test
    @Timeout(10)
    void aClosedModelRejectsTasksAndSaysItsState() {
        ExecutionModel model = Models.start("thread-per-task", Map.of(), WorkTarget.none());
        assertEquals(ModelState.RUNNING, model.state());
        model.close();
        model.close();
        assertEquals(ModelState.TERMINATED, model.state());
        var e = assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> model.submit(new dev.concbench.workload.Workload.TimerWait(1)));
        assertEquals("model 'thread-per-task' is TERMINATED, not RUNNING", e.getMessage());
    }

    private static String reject(String name, Map<String, String> params) {
        return assertThrows(IllegalArgumentException.class, () -> Models.start(name, params, WorkTarget.none()).close()).getMessage();
    }
}
