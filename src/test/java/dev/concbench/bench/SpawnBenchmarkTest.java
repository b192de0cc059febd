package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.vocab.Guard;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A thread model's spawned children are the model's own tasks, placement-checked by the model. */
@Timeout(60)
class SpawnBenchmarkTest {

    @ParameterizedTest
    @CsvSource({"virtual, concbench-vt, notVirtual", "thread-per-task, concbench-task, misplaced"})
    void childrenAreStartedByTheModelAndCheckedByIt(String model, String threadPrefix, String guardKey) throws Exception {
        SpawnBenchmark bench = new SpawnBenchmark();
        bench.model = model;
        bench.openTasks();
        try {
            Thread child = bench.child();
            child.join();
            assertTrue(child.getName().startsWith(threadPrefix), "the child is not one of the model's threads: " + child);
            assertEquals(model.equals("virtual"), child.isVirtual());
            bench.spawn();
            IterationMetrics.drain();
            bench.publishTaskGuards();
            bench.publishWorkerGuards();
            List<IterationMetrics.Value> guards = IterationMetrics.drain();
            String label = IterationMetrics.GUARD_PREFIX + Guard.of(guardKey).orElseThrow().key();
            assertTrue(guards.stream().anyMatch(v -> v.label().equals(label)), "no " + label + " in " + guards);
            guards.stream().filter(v -> v.label().equals(label)).forEach(v -> assertEquals(0, v.value(), v.toString()));
        } finally {
            bench.closeTasks();
            IterationMetrics.drain();
        }
    }
}
