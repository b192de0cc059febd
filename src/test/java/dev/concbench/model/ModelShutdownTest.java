package dev.concbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.server.DelayServerProcess;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After {@code close()} every model is TERMINATED and the JVM has the threads and child processes it
 * had before the model started, even when tasks were still running at close.
 *
 * <p>Threads the JDK itself keeps for the whole JVM are not the model's and are left out: the
 * virtual-thread scheduler's carriers ({@code jdk.internal.misc.CarrierThread}) and its timer thread
 * ({@code java.util.concurrent.DelayScheduler}), shared by every virtual thread; the virtual-thread
 * I/O pollers; the process reaper; and the common fork-join pool's workers (the JDK uses it for
 * process start-up and exit notification). All of them are shared and end by themselves when idle.
 */
class ModelShutdownTest {

    private static final Set<String> JDK_SHARED = Set.of("jdk.internal.misc.CarrierThread", "java.util.concurrent.DelayScheduler");

    private static DelayServerProcess server;

    @BeforeAll
    static void startServerAndWarmUpJdkThreads() throws Exception {
        server = DelayServerProcess.start();
        // let the JDK create its JVM-wide helpers (pollers, reaper) before any baseline is taken
        Thread.ofVirtual().start(() -> {
            try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
                s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
                s.getInputStream().read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).join();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.model.ModelCase#all")
    @Timeout(30)
    void closeLeavesNoThreadAndNoProcessBehind(ModelCase modelCase) {
        Set<Thread> threadsBefore = liveThreads();
        Set<Long> childrenBefore = children();

        ExecutionModel model = modelCase.start(WorkTarget.of(server.address()));
        model.submitAll(new Workload.FanOut("/delay/1", "/bytes/10"), 4).join();
        model.submitAll(new Workload.CpuBurn(10_000), 4).join();
        // left running on purpose: close() must end them
        List<CompletableFuture<TaskResult>> unfinished = List.of(
                model.submit(new Workload.TimerWait(60_000)), model.submit(new Workload.HttpGet("/delay/60000")));
        model.close();

        assertEquals(ModelState.TERMINATED, model.state());
        assertTrue(unfinished.stream().allMatch(CompletableFuture::isDone), modelCase + " left tasks pending after close()");
        Set<String> leftThreads = liveThreads().stream().filter(t -> !threadsBefore.contains(t))
                .map(t -> t.getName() + " (" + t.getClass().getSimpleName() + ")").collect(Collectors.toSet());
        assertEquals(Set.of(), leftThreads, modelCase + " left threads behind");
        assertEquals(childrenBefore, children(), modelCase + " left child processes behind");
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !JDK_SHARED.contains(t.getClass().getName()))
                .filter(t -> !(t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()))
                .filter(t -> !t.getName().endsWith("-Poller") && !t.getName().equals("process reaper"))
                .collect(Collectors.toSet());
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
