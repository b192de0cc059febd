package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.vocab.ModelKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raw-task entry point the benchmarks use ({@link ExecutionModel#execute}) runs where the
 * model's workloads run and passes the same placement check: what {@link ModelEquivalenceTest}
 * proves of the models is what the benchmarks measure.
 */
class RawTaskTest {

    static List<ModelCase> inProcess() {
        return ModelCase.all().stream().filter(c -> !c.name().equals(ModelKind.PROCESS_POOL.id())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inProcess")
    @Timeout(30)
    void rawTasksRunOnTheModelsOwnThreadsWithoutViolations(ModelCase c) throws Exception {
        int tasks = 20;
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicInteger violations = new AtomicInteger();
        Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (ExecutionModel model = c.start(WorkTarget.none())) {
            for (int i = 0; i < tasks; i++) {
                model.execute(() -> {
                    virtual.add(Thread.currentThread().isVirtual());
                    names.add(Thread.currentThread().getName());
                    done.countDown();
                }, v -> violations.incrementAndGet());
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "the raw tasks ran");
            model.eventLoop().ifPresent(loop -> assertEquals(Set.of(loop.options().threadName()), names));
            model.nettyLoop().ifPresent(loop -> assertEquals(
                    Set.of(loop.submit(() -> Thread.currentThread().getName()).syncUninterruptibly().getNow()), names));
        }
        assertEquals(0, violations.get());
        assertEquals(Set.of(c.name().equals(ModelKind.VIRTUAL.id())), virtual);
    }

    @Test
    @Timeout(30)
    void processPoolRunsNoRawTasksAndAClosedModelRejectsThem() {
        try (ExecutionModel pool = Models.start(ModelKind.PROCESS_POOL.id(), Map.of("workers", "1"), WorkTarget.none())) {
            assertThrows(UnsupportedOperationException.class, () -> pool.execute(() -> { }, v -> { }));
        }
        ExecutionModel closed = Models.start(ModelKind.THREAD_PER_TASK.id(), Map.of(), WorkTarget.none());
        closed.close();
        assertThrows(RejectedExecutionException.class, () -> closed.execute(() -> { }, v -> { }));
    }
}
