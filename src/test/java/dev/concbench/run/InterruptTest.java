package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a run: a real {@code run} in a child JVM, a real JMH fork under it, a real SIGINT.
 * What finished is written, the summary says incomplete, and no process it started survives.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterruptTest {

    @TempDir
    Path tmp;

    private static final String LONG_PREEMPTION = """
            claim: "table: concurrency model"
            title: Preemption, long
            benchmark: PreemptionBenchmark.heartbeat
            server: true
            models: [virtual, platform-pool]
            metrics:
              lateness.p99: {unit: ms, better: lower}
            profiles:
              smoke: {params: {disturbance: [none], durationMs: [2000]}, warmup: 0, iterations: 20}
              quick: {}
              full: {}
            """;

    @Test
    void sigintWritesAnIncompleteSummaryAndLeavesNoChildBehind() throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("preemption.yaml"), LONG_PREEMPTION);
        Path out = tmp.resolve("results");
        List<String> command = ChildRun.command(scenarios);
        command.addAll(List.of("run", "--profile", "smoke", "--out", out.toString()));
        Process run = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("run.log").toFile())
                .start();
        try {
            List<ProcessHandle> children = awaitDescendants(run);
            // the delay server (server: true) and the JMH fork
            assertTrue(children.size() >= 2, "a delay server and a JMH fork were started: " + children + " "
                    + Files.readString(tmp.resolve("run.log")));
            Path dir = awaitRunDir(out);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
            assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0);
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run exits after SIGINT");
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "child " + child.pid() + " survived");
            }
            ResultsDir results = ResultsDir.open(dir);
            RunSummary summary = results.readSummary();
            assertFalse(summary.complete());
            assertTrue(summary.missing().stream().anyMatch(m -> m.startsWith("preemption/virtual")
                    && m.contains("not run")), summary.missing().toString());
            assertTrue(summary.missing().stream().anyMatch(m -> m.startsWith("preemption/platform-pool")),
                    summary.missing().toString());
            assertNotNull(results.readEnv().end(), "env.json records when the run stopped");
            assertTrue(results.has(ResultsDir.JMH));
            String log = Files.readString(tmp.resolve("run.log"));
            assertTrue(log.contains("interrupted; what finished is in"), log);
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static List<ProcessHandle> awaitDescendants(Process run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && run.isAlive()) {
            List<ProcessHandle> d = run.descendants().toList();
            // read /proc/PID/cmdline itself: ProcessHandle.Info has no arguments for a command line as
            // long as a fork's (the whole class path), so it never saw the fork start
            boolean forkRunning = d.stream().anyMatch(p -> commandLine(p).contains("org.openjdk.jmh.runner.ForkedMain"));
            if (forkRunning) {
                Thread.sleep(500); // let the fork start its benchmark
                return run.descendants().toList();
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    private static Path awaitRunDir(Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    var dir = s.filter(p -> Files.exists(p.resolve(ResultsDir.ENV))).findFirst();
                    if (dir.isPresent()) {
                        return dir.get();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run directory with env.json under " + out);
    }

    /** A process's command line from /proc, NUL-separated; empty when it is gone. */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
