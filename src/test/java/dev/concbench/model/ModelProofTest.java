package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.workload.Placement;
import dev.concbench.workload.Step;
import dev.concbench.workload.ThreadKind;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model fails loudly when a task ran somewhere it does not claim: each model is shown placements
 * from everywhere else (the test thread, a virtual thread, a loop thread, another process) and must
 * refuse every one of them with a message naming the model and what was observed.
 */
class ModelProofTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.model.ModelCase#all")
    @Timeout(20)
    void aPlacementElsewhereThanClaimedFailsLoudly(ModelCase modelCase) {
        try (ExecutionModel model = modelCase.start(WorkTarget.none())) {
            AbstractModel checked = (AbstractModel) model;
            for (Placement wrong : elsewhere()) {
                ModelViolationException e = assertThrows(ModelViolationException.class, () -> checked.check(wrong),
                        modelCase + " accepted " + wrong);
                assertTrue(e.getMessage().startsWith("model '" + modelCase.name() + "' claims "), e.getMessage());
                assertTrue(e.getMessage().contains(wrong.thread()), e.getMessage());
            }
        }
    }

    /** Placements no model may accept for an I/O step or a CPU step. */
    private static List<Placement> elsewhere() {
        long self = Placement.ownPid();
        long otherProcess = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        return List.of(
                new Placement(Step.CPU, ThreadKind.PLATFORM, "main", self),
                new Placement(Step.IO, ThreadKind.PLATFORM, "main", self),
                new Placement(Step.IO, ThreadKind.VIRTUAL, "VirtualThread[#1,stranger]/runnable@ForkJoinPool-1-worker-1", self),
                new Placement(Step.CPU, ThreadKind.LOOP, "someone-elses-loop", self),
                new Placement(Step.WAIT, ThreadKind.PLATFORM, "main", otherProcess),
                new Placement(Step.CPU, ThreadKind.PLATFORM, "main", otherProcess));
    }
}
