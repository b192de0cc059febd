package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import dev.concbench.server.DelayServerProcess;
import dev.concbench.workload.BlockingRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.Step;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import dev.concbench.workload.http.BlockingConnectionPool;
import io.netty.util.concurrent.DefaultEventExecutor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload through every model gives the result the reference gives (the workload run inline
 * on the test thread with the blocking client), and every step ran where the model claims: the
 * thread kind, and for worker processes the pid.
 */
class ModelEquivalenceTest {

    private static final int TASKS = 6;
    private static final List<Workload> WORKLOADS = List.of(
            new Workload.TimerWait(5),
            new Workload.HttpGet("/bytes/3000"),
            new Workload.HttpGet("/status/404"),
            new Workload.CpuBurn(200_000),
            new Workload.Mixed("/delay/5", 100_000),
            new Workload.FanOut("/delay/5", "/bytes/100"),
            new Workload.BlockingSleep(5));

    private static DelayServerProcess server;
    private static WorkTarget target;
    private static final Map<Workload, WorkResult> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void startServerAndComputeReference() throws Exception {
        server = DelayServerProcess.start();
        target = WorkTarget.of(server.address());
        try (BlockingConnectionPool http = new BlockingConnectionPool(server.address(), 1, target.requestTimeout())) {
            BlockingRunner reference = new BlockingRunner(http, Runnable::run);
            for (Workload w : WORKLOADS) {
                EXPECTED.put(w, reference.run(w, new PlacementLog()));
            }
        }
        assertEquals(List.of(404), EXPECTED.get(new Workload.HttpGet("/status/404")).statuses());
        assertEquals(List.of(200, 200), EXPECTED.get(new Workload.FanOut("/delay/5", "/bytes/100")).statuses());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.model.ModelCase#all")
    @Timeout(30)
    void everyWorkloadGivesTheReferenceResultAndRunsWhereTheModelClaims(ModelCase modelCase) throws IOException {
        try (ExecutionModel model = modelCase.start(target)) {
            for (Workload workload : WORKLOADS) {
                List<TaskResult> results = model.submitAll(workload, TASKS).join();
                for (TaskResult r : results) {
                    assertEquals(EXPECTED.get(workload), r.result(), modelCase + " " + workload);
                    assertFalse(r.placements().isEmpty(), modelCase + " " + workload + " recorded no placement");
                    r.placements().forEach(p -> assertPlacement(modelCase, p));
                }
                assertWhereTasksRanTogether(modelCase, results);
            }
        }
    }

    /**
     * The proof checks where a step continues, not only where it starts: a runner that carries each
     * wait and each response on to another thread (a Netty executor beside the Netty loop, a second
     * loop of ours) must have each such task fail, naming that thread.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eventloop", "netty"})
    @Timeout(30)
    void aStepThatContinuesOnAnotherThreadIsCaught(String name) throws Exception {
        String elsewhere = "concbench-test-elsewhere";
        AutoCloseable other;
        ExecutionModel model;
        if (name.equals("netty")) {
            DefaultEventExecutor executor = new DefaultEventExecutor((java.util.concurrent.ThreadFactory) r -> new Thread(r, elsewhere));
            other = () -> executor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).sync();
            model = NettyModel.continuingOn(executor, target);
        } else {
            EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName(elsewhere));
            other = loop::close;
            model = EventLoopModel.continuingOn(loop, target);
        }
        try (other; model) {
            for (Workload w : List.of(new Workload.TimerWait(5), new Workload.HttpGet("/bytes/100"))) {
                CompletionException e = assertThrows(CompletionException.class, () -> model.submit(w).join(),
                        name + " let " + w + " continue on '" + elsewhere + "'");
                ModelViolationException v = assertInstanceOf(ModelViolationException.class, e.getCause());
                assertTrue(v.getMessage().contains("'" + elsewhere + "'"), v.getMessage());
            }
        }
    }

    /** What a model is across its tasks: a new thread each, at most poolSize threads, at most N workers, one loop. */
    private static void assertWhereTasksRanTogether(ModelCase modelCase, List<TaskResult> results) {
        List<Placement> first = results.stream().map(r -> r.placements().get(0)).toList();
        Set<String> threads = first.stream().map(Placement::thread).collect(Collectors.toSet());
        Set<Long> pids = first.stream().map(Placement::pid).collect(Collectors.toSet());
        switch (modelCase.name()) {
            case "thread-per-task", "virtual" -> assertEquals(TASKS, threads.size(), modelCase + " reused a thread: " + first);
            case "platform-pool" -> assertTrue(threads.size() <= Integer.parseInt(modelCase.params().get("poolSize")),
                    modelCase + " ran on more threads than its pool: " + threads);
            case "process-pool" -> assertTrue(pids.size() <= Integer.parseInt(modelCase.params().get("workers")),
                    modelCase + " ran in more processes than its workers: " + pids);
            default -> {
                Set<String> loopThreads = results.stream().flatMap(r -> r.placements().stream())
                        .filter(p -> p.kind() == ThreadKind.LOOP).map(Placement::thread).collect(Collectors.toSet());
                assertTrue(loopThreads.size() <= 1, modelCase + " ran on more than one loop thread: " + loopThreads);
            }
        }
    }

    /** The test's own statement of each model's claim, independent of the model's check. */
    private static void assertPlacement(ModelCase modelCase, Placement p) {
        String what = modelCase + ": " + p;
        switch (modelCase.name()) {
            case "virtual" -> assertEquals(ThreadKind.VIRTUAL, p.kind(), what);
            case "platform-pool", "thread-per-task" -> assertEquals(ThreadKind.PLATFORM, p.kind(), what);
            case "process-pool" -> assertNotEquals(Placement.ownPid(), p.pid(), what);
            case "eventloop", "coroutines" -> assertEquals(ThreadKind.LOOP, p.kind(), what);
            case "netty" -> assertEquals(p.step() == Step.CPU && modelCase.params().containsKey("offload")
                    ? ThreadKind.PLATFORM : ThreadKind.LOOP, p.kind(), what);
            case "eventloop+offload" -> {
                if (p.step() != Step.CPU) {
                    assertEquals(ThreadKind.LOOP, p.kind(), what);
                } else if (modelCase.params().get("offload").equals("process")) {
                    assertNotEquals(Placement.ownPid(), p.pid(), what);
                } else {
                    assertEquals(ThreadKind.PLATFORM, p.kind(), what);
                }
            }
            default -> throw new AssertionError("no placement rule for " + modelCase);
        }
        if (!modelCase.name().equals("process-pool") && !(p.step() == Step.CPU && "process".equals(modelCase.params().get("offload")))) {
            assertEquals(Placement.ownPid(), p.pid(), what);
        }
    }
}
