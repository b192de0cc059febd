package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.workload.BlockingRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload through every model gives the result the reference (the workload run inline on the
 * test thread) gives, and every step ran where the model claims.
 */
class ModelEquivalenceTest {

    private static final int TASKS = 6;

    static List<Workload> workloads() {
        return List.of(new Workload.TimerWait(5), new Workload.CpuBurn(200_000), new Workload.BlockingSleep(5));
    }

    static List<ModelCase> models() {
        return ModelCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(30)
    void everyWorkloadGivesTheReferenceResultAndRunsWhereTheModelClaims(ModelCase modelCase) throws Exception {
        try (ExecutionModel model = modelCase.start(WorkTarget.none())) {
            for (Workload workload : workloads()) {
                WorkResult expected = new BlockingRunner(null, Runnable::run).run(workload, new PlacementLog());
                List<TaskResult> results = model.submitAll(workload, TASKS).join();
                for (TaskResult r : results) {
                    assertEquals(expected, r.result(), modelCase + " " + workload);
                    assertFalse(r.placements().isEmpty(), modelCase + " " + workload + " recorded no placement");
                    r.placements().forEach(p -> assertPlacement(modelCase, p));
                }
            }
        }
    }

    private static void assertPlacement(ModelCase modelCase, Placement p) {
        switch (modelCase.name()) {
            case "virtual" -> assertEquals(ThreadKind.VIRTUAL, p.kind(), p.toString());
            case "platform-pool", "thread-per-task" -> assertEquals(ThreadKind.PLATFORM, p.kind(), p.toString());
            case "process-pool" -> assertTrue(p.pid() != Placement.ownPid(), p.toString());
            default -> throw new AssertionError("no placement rule for " + modelCase);
        }
    }
}
