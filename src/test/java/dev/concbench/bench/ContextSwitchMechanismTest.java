package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.LoopStats;
import dev.concbench.metrics.IterationMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Param;

/**
 * The context-switch benchmark's {@code mechanism=execute} row: Netty's idiom on our loop. Its wiring
 * only: the hand-offs go through our loop's ready queue, the loop thread's CPU is published, and no
 * other model takes the parameter. No timing is asserted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextSwitchMechanismTest {

    private static ContextSwitchBenchmark benchmark(String model, String mechanism) {
        ContextSwitchBenchmark b = new ContextSwitchBenchmark();
        b.model = model;
        b.mechanism = mechanism;
        return b;
    }

    @Test
    void executeHandsOffThroughOurLoopsReadyQueueAndPublishesItsCpu() throws Exception {
        ContextSwitchBenchmark b = benchmark("eventloop", ContextSwitchBenchmark.EXECUTE);
        b.openTasks();
        try {
            IterationMetrics.drain();
            LoopStats before = b.loop.loop().stats();
            b.startCpu();
            for (int i = 0; i < 5; i++) {
                b.handoff();
            }
            b.publishCpu();
            LoopStats ran = b.loop.loop().stats().since(before);
            assertTrue(ran.callbacksRun() >= 5L * ContextSwitchBenchmark.PASSES,
                    "every pass is one callback of our loop: " + ran.callbacksRun());
            List<IterationMetrics.Value> cpu = IterationMetrics.drain().stream()
                    .filter(v -> v.label().equals(ContextSwitchBenchmark.CPU_METRIC)).toList();
            assertEquals(1, cpu.size());
            assertTrue(cpu.get(0).value() > 0, "the loop thread used CPU for the hand-offs");
        } finally {
            b.closeTasks();
        }
    }

    /**
     * JMH runs every listed value of a parameter the run does not set, and a row is named by the
     * parameters the scenario sets: a second default would run each unnamed row twice under one name.
     */
    @Test
    void theMechanismHasOneDefaultSoRowsWithoutItAreTheFuturesHandoff() throws Exception {
        Param p = ContextSwitchBenchmark.class.getField("mechanism").getAnnotation(Param.class);
        assertEquals(List.of(ContextSwitchBenchmark.FUTURES), List.of(p.value()));
    }

    @Test
    void onlyEventloopTakesTheExecuteMechanism() {
        for (String model : List.of("netty", "coroutines", "virtual")) {
            ContextSwitchBenchmark b = benchmark(model, ContextSwitchBenchmark.EXECUTE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::openTasks, model);
            assertTrue(e.getMessage().contains("model=" + model), e.getMessage());
            assertTrue(b.loop == null && b.netty == null && b.threads == null, "refused before the model started");
        }
    }

    @Test
    void anUnknownMechanismIsRefusedRatherThanMeasuredAsTheFuturesHandoff() {
        ContextSwitchBenchmark b = benchmark("eventloop", "bogus");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::openTasks);
        assertTrue(e.getMessage().contains("mechanism=bogus") && e.getMessage().contains("futures"), e.getMessage());
        assertTrue(b.loop == null && b.threads == null, "refused before the model started");
    }
}
