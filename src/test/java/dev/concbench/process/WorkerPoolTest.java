package dev.concbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real worker JVMs, real sockets, real signals. */
class WorkerPoolTest {

    private static final long SELF = ProcessHandle.current().pid();
    private static WorkerPool shared;

    @BeforeAll
    static void startShared() throws IOException {
        shared = WorkerPool.start(WorkerPoolConfig.of(2));
    }

    @AfterAll
    static void closeShared() throws IOException {
        shared.close();
    }

    @Test
    @Timeout(20)
    void roundTripRunsInAWorkerProcess() {
        WorkerResult result = shared.submit("echo", "héllo").join();

        assertEquals("héllo", result.value());
        assertNotEquals(SELF, result.workerPid());
        assertTrue(shared.pids().contains(result.workerPid()), result + " not from " + shared.pids());
        assertEquals(2, shared.startupTimes().size());
        assertTrue(shared.aotCacheStatus().startsWith("off: classpath entry "), shared.aotCacheStatus());
        System.out.println("worker start-up (spawn to hello): " + shared.startupTimes());
    }

    @Test
    @Timeout(20)
    void concurrentTasksSpreadOverEveryWorker() {
        List<CompletableFuture<WorkerResult>> futures = List.of(
                shared.submit("sleep", "300"), shared.submit("sleep", "300"),
                shared.submit("sleep", "300"), shared.submit("sleep", "300"));

        Set<Long> pids = futures.stream().map(CompletableFuture::join).map(WorkerResult::workerPid)
                .collect(Collectors.toSet());
        Set<Long> reported = futures.stream().map(CompletableFuture::join).map(r -> Long.parseLong(r.value()))
                .collect(Collectors.toSet());

        assertEquals(Set.copyOf(shared.pids()), pids);
        assertEquals(pids, reported, "the pid a result carries is the pid the function saw");
    }

    @Test
    @Timeout(20)
    void functionExceptionPropagatesWithItsMessage() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> shared.submit("fail", "disk on fire").get());

        WorkerTaskException cause = assertInstanceOf(WorkerTaskException.class, e.getCause());
        assertEquals("java.lang.IllegalStateException", cause.remoteClass());
        assertEquals("disk on fire", cause.remoteMessage());
        assertTrue(cause.getMessage().contains("'fail'") && cause.getMessage().contains("pid " + cause.workerPid()),
                cause.getMessage());
        assertTrue(shared.pids().contains(cause.workerPid()), "a failing function does not kill its worker");
    }

    @Test
    @Timeout(20)
    void unknownFunctionFailsListingTheKnownNames() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> shared.submit("nope", "").get());

        String message = e.getCause().getMessage();
        assertTrue(message.contains("unknown worker function 'nope'"), message);
        for (String known : List.of("burn", "echo", "fail", "halt", "sleep")) {
            assertTrue(message.contains(known), message);
        }
    }

    @Test
    @Timeout(20)
    void burnComputesTheSameSumAsTheParent() {
        long expected = 0;
        for (long i = 0; i < 1_000_000; i++) {
            expected += i * i;
        }

        assertEquals(Long.toString(expected), shared.submit("burn", "1000000").join().value());
    }

    @Test
    @Timeout(20)
    void anArgumentTooLargeForAFrameFailsItsTaskAndKillsNoWorker() {
        List<Long> before = shared.pids();
        String huge = "x".repeat(Frame.MAX_LENGTH);

        ExecutionException e = assertThrows(ExecutionException.class, () -> shared.submit("echo", huge).get());

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("'echo'"), e.getCause().getMessage());
        assertEquals("still here", shared.submit("echo", "still here").join().value());
        assertEquals(before, shared.pids(), "a task that was never sent must not cost a worker");
    }

    @Test
    @Timeout(20)
    void aResultTooLargeForAFrameFailsItsTaskAndKillsNoWorker() {
        List<Long> before = shared.pids();

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> shared.submit("repeat", Integer.toString(Frame.MAX_LENGTH)).get());

        WorkerTaskException cause = assertInstanceOf(WorkerTaskException.class, e.getCause());
        assertTrue(cause.remoteMessage().contains("frame length must be <= " + Frame.MAX_LENGTH), cause.remoteMessage());
        assertEquals("ok", shared.submit("echo", "ok").join().value());
        assertEquals(before, shared.pids(), "a result that cannot be sent must not cost a worker");
    }

    @Test
    void workersBelowOneAreRejectedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerPoolConfig.of(0));

        assertEquals("workers must be >= 1, was 0", e.getMessage());
    }

    @Test
    @Timeout(20)
    void killNineMidTaskFailsThatTaskAndAReplacementRunsTheNext() throws Exception {
        try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1))) {
            long victim = pool.pids().getFirst();
            CompletableFuture<WorkerResult> doomed = pool.submit("sleep", "60000");

            kill9(victim);

            ExecutionException e = assertThrows(ExecutionException.class, doomed::get);
            WorkerCrashedException crash = assertInstanceOf(WorkerCrashedException.class, e.getCause());
            assertEquals(victim, crash.workerPid());
            assertEquals(9, crash.signal());
            assertTrue(crash.getMessage().contains("pid " + victim) && crash.getMessage().contains("SIGKILL"),
                    crash.getMessage());

            WorkerResult next = pool.submit("echo", "after").get(15, TimeUnit.SECONDS);
            assertEquals("after", next.value());
            assertNotEquals(victim, next.workerPid());
            assertEquals(PoolState.RUNNING, pool.state());
            assertEquals(2, pool.startupTimes().size(), "the replacement's start-up is recorded too");
        }
    }

    @Test
    @Timeout(20)
    void workerThatHaltsReportsItsExitCode() throws Exception {
        try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.submit("halt", "7").get());

            WorkerCrashedException crash = assertInstanceOf(WorkerCrashedException.class, e.getCause());
            assertEquals(7, crash.exitCode());
            assertEquals(0, crash.signal());
            assertEquals("again", pool.submit("echo", "again").get(15, TimeUnit.SECONDS).value());
        }
    }

    @Test
    @Timeout(20)
    void anIdleWorkerThatDiesIsReplaced() throws Exception {
        try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1))) {
            long victim = pool.pids().getFirst();

            kill9(victim);
            while (pool.pids().isEmpty() || pool.pids().contains(victim)) {
                Thread.sleep(20);
            }

            assertNotEquals(victim, pool.submit("echo", "x").get(15, TimeUnit.SECONDS).workerPid());
            assertEquals(PoolState.RUNNING, pool.state());
        }
    }

    @Test
    @Timeout(20)
    void aWorkerThatCannotBeReplacedFailsThePoolAndItsQueue() throws Exception {
        Set<Long> childrenBefore = descendants();
        Set<String> threadsBefore = poolThreads();
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1));
        CompletableFuture<WorkerResult> running = pool.submit("sleep", "60000");
        CompletableFuture<WorkerResult> queued = pool.submit("echo", "never");
        // With its socket gone, a replacement worker cannot connect and exits.
        Files.delete(pool.socketPath());

        kill9(pool.pids().getFirst());

        assertInstanceOf(WorkerCrashedException.class, running.handle((v, failure) -> failure).join());
        Throwable lost = queued.handle((v, failure) -> failure).join();
        assertInstanceOf(WorkerStartException.class, lost);
        assertTrue(lost.getMessage().matches("worker pool FAILED: cannot replace worker pid \\d+ died \\(killed by signal 9 \\(SIGKILL\\).*"), lost.getMessage());
        assertEquals(PoolState.FAILED, pool.state());
        assertInstanceOf(RejectedExecutionException.class,
                pool.submit("echo", "y").handle((v, failure) -> failure).join());
        pool.close();
        assertEquals(PoolState.FAILED, pool.state());
        assertEquals(childrenBefore, descendants());
        assertEquals(threadsBefore, poolThreads());
    }

    @Test
    @Timeout(20)
    void closingAFailedPoolNeverLeavesFailed() throws Exception {
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1));
        Files.delete(pool.socketPath());
        kill9(pool.pids().getFirst());
        while (pool.state() != PoolState.FAILED) {
            Thread.sleep(20);
        }

        pool.close();
        pool.close();

        assertEquals(List.of(PoolState.NEW, PoolState.STARTING, PoolState.RUNNING, PoolState.FAILED), pool.stateHistory());
    }

    @Test
    @Timeout(20)
    void aClosedPoolWentThroughStoppingToTerminated() throws Exception {
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1));

        pool.close();
        pool.close();

        assertEquals(List.of(PoolState.NEW, PoolState.STARTING, PoolState.RUNNING, PoolState.STOPPING,
                PoolState.TERMINATED), pool.stateHistory());
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPeerThatConnectsButNeverSaysHelloDoesNotHoldUpClose() throws Exception {
        Set<String> threadsBefore = poolThreads();
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1));
        try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(pool.socketPath()));
            assertEquals("y", pool.submit("echo", "y").join().value());

            pool.close();  // before the fix: joined the acceptor, blocked forever reading this peer's hello

            assertEquals(PoolState.TERMINATED, pool.state());
            assertEquals(threadsBefore, poolThreads());
        }
    }

    @Test
    @Timeout(20)
    void closeLeavesNoWorkerProcessAndNoPoolThread() throws Exception {
        Set<Long> childrenBefore = descendants();
        Set<String> threadsBefore = poolThreads();
        // A short grace: the busy worker does not read its EOF and is killed after it.
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(2).withStopGrace(Duration.ofMillis(300)));
        List<Long> workers = pool.pids();
        pool.submit("echo", "x").join();
        CompletableFuture<WorkerResult> running = pool.submit("sleep", "60000");
        CompletableFuture<WorkerResult> alsoRunning = pool.submit("sleep", "60000");
        CompletableFuture<WorkerResult> queued = pool.submit("echo", "never");
        assertEquals(threadsBefore.size() + 3, poolThreads().size(), "an acceptor and a reader per worker");

        pool.close();

        assertEquals(PoolState.TERMINATED, pool.state());
        assertEquals(childrenBefore, descendants());
        workers.forEach(pid -> assertTrue(gone(pid), "worker " + pid + " still alive"));
        assertEquals(threadsBefore, poolThreads(), "only the shared pool's threads remain");
        for (CompletableFuture<WorkerResult> f : List.of(running, alsoRunning)) {
            Throwable cancelled = f.handle((value, failure) -> failure).join();
            assertInstanceOf(CancellationException.class, cancelled);
            assertTrue(cancelled.getMessage().contains("closed while worker pid"), cancelled.getMessage());
        }
        Throwable neverRan = queued.handle((value, failure) -> failure).join();
        assertEquals("worker pool closed before function 'echo' ran", neverRan.getMessage());
        ExecutionException rejected = assertThrows(ExecutionException.class, () -> pool.submit("echo", "y").get());
        assertInstanceOf(RejectedExecutionException.class, rejected.getCause());
    }

    @Test
    @Timeout(20)
    void aWorkerThatCannotStartFailsTheStartAndLeavesNothing() {
        Set<Long> childrenBefore = descendants();
        Set<String> threadsBefore = poolThreads();
        List<String> flags = List.of("-XX:+NoSuchConcbenchFlag");

        WorkerStartException e = assertThrows(WorkerStartException.class,
                () -> WorkerPool.start(WorkerPoolConfig.of(2).withJvmFlags(flags)));

        assertTrue(e.getMessage().matches("worker pid \\d+ ended before saying hello: exit code 1 .*"), e.getMessage());
        assertEquals(childrenBefore, descendants());
        assertEquals(threadsBefore, poolThreads());
    }

    @Test
    @Timeout(20)
    void closeOnAPoolThreadIsRefusedInsteadOfDeadlocking() throws Exception {
        try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1))) {
            // A task slow enough that the action is attached before it completes, so the action
            // runs on the pool's reader thread rather than inline on this one.
            CompletableFuture<Void> closing = pool.submit("sleep", "300").thenAccept(result -> {
                try {
                    pool.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            Throwable refused = closing.handle((v, failure) -> failure).join();
            assertInstanceOf(IllegalStateException.class, refused.getCause());
            assertTrue(refused.getCause().getMessage().startsWith("close() must not run on the pool's own thread"));
            assertEquals(PoolState.RUNNING, pool.state());
        }
    }

    @Test
    @Timeout(20)
    void killingTheParentLeavesNoWorker(@TempDir Path tmp) throws Exception {
        // The killed parent cannot delete its socket directory: put it where JUnit cleans up.
        Process parent = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), PoolParentMain.class.getName(), "2")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> workers;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("pids "), "parent printed: " + line);
            workers = Arrays.stream(line.substring(5).split(" ")).map(Long::valueOf).toList();
            assertEquals(2, workers.size());
            workers.forEach(pid -> assertTrue(!gone(pid), "worker " + pid + " should be alive before the kill"));

            kill9(parent.pid());
            assertEquals(137, parent.waitFor());
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!workers.stream().allMatch(WorkerPoolTest::gone) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        workers.forEach(pid -> assertTrue(gone(pid), "worker " + pid + " outlived its parent"));
    }

    /** Sends SIGKILL with the real {@code kill} command, as an operator would. */
    private static void kill9(long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor());
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The names of the live pool threads (the shared pool's among them). */
    private static Set<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("concbench-process-")).collect(Collectors.toSet());
    }

    /**
     * True when the process no longer runs. An orphan is reaped by pid 1; where pid 1 does not
     * reap, a dead orphan stays a zombie (state Z in /proc), which has stopped running all the same.
     */
    private static boolean gone(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException vanished) {
                return true;
            }
        }
        return true;
    }
}
