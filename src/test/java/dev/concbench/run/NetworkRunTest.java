package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.net.NamespaceSupport;
import dev.concbench.net.NetnsLink;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultsDir;
import dev.concbench.server.DelayServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --network}: a real run in a child JVM puts its delay server in a namespace of its own,
 * records the profile and the measured round trip in env.json, and leaves no namespace or link
 * behind when it ends, when it is interrupted (SIGINT, SIGTERM) and when a scenario fails (these
 * need root or CAP_NET_ADMIN, as in CI, and are skipped loudly otherwise); {@code run --target}
 * uses a server already running and records the round trip to it.
 */
class NetworkRunTest {

    @TempDir
    Path tmp;

    private static final String SCENARIO = """
            claim: "table: concurrency model"
            title: Preemption through a namespace
            benchmark: PreemptionBenchmark.heartbeat
            server: true
            models: [%s]
            metrics:
              lateness.p99: {unit: ms, better: lower}
            profiles:
              smoke: {params: {disturbance: [none], durationMs: [%d]%s}, warmup: 0, iterations: %d}
              quick: {}
              full: {}
            """;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunRecordsItsNetworkAndLeavesNothingWhenItEnds() throws Exception {
        NamespaceSupport.assumeNamespaces();
        Process run = runToEnd(SCENARIO.formatted("virtual", 200, "", 1), 0);
        EnvInfo env = ResultsDir.open(runDir()).readEnv();
        assertEquals("lan", env.network().profile(), env.network().toString());
        assertEquals(DelayServerHost.RTT_SAMPLES, env.network().rttSamples());
        assertTrue(env.network().rttMinMs() >= 0.5 - 0.001, "the link added its round trip: " + env.network());
        assertTrue(env.network().setup().contains(NetnsLink.PREFIX + run.pid()), env.network().setup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anInterruptedRunLeavesNoNamespaceOrLink(String signal) throws Exception {
        NamespaceSupport.assumeNamespaces();
        Process run = start(SCENARIO.formatted("virtual, platform-pool", 2000, "", 20));
        try {
            awaitNamespaceAndFork(run);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start();
            assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0);
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run exits after SIG" + signal);
            assertNothingLeft(run.pid());
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunWhoseScenarioFailsLeavesNoNamespaceOrLink() throws Exception {
        NamespaceSupport.assumeNamespaces();
        // eventloop+offload refuses offload=process in this benchmark: the fork fails in its setup
        runToEnd(SCENARIO.formatted("eventloop+offload", 200, ", offload: [process]", 1), 3);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunAgainstATargetUsesItAndRecordsTheRoundTripToIt() throws Exception {
        try (DelayServerProcess target = DelayServerProcess.start()) {
            String hostPort = "127.0.0.1:" + target.address().getPort();
            runToEnd(SCENARIO.formatted("virtual", 200, "", 1), 0, "--target", hostPort);
            EnvInfo env = ResultsDir.open(runDir()).readEnv();
            assertEquals("target", env.network().profile(), env.network().toString());
            assertEquals(hostPort, env.network().server());
            assertEquals(DelayServerHost.RTT_SAMPLES, env.network().rttSamples());
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void abPutsBothSidesBehindTheLinkAndLeavesNothing() throws Exception {
        NamespaceSupport.assumeNamespaces();
        Path out = tmp.resolve("ab");
        Process ab = launch(SCENARIO.formatted("virtual", 200, "", 1),
                List.of("ab", "--profile", "smoke", "--out", out.toString(), "--network", "lan"));
        assertTrue(ab.waitFor(220, TimeUnit.SECONDS), "ab ends");
        // 0: B did not regress, 1: it did (A and B are the same build: either is chance)
        assertTrue(ab.exitValue() == 0 || ab.exitValue() == 1, "exit " + ab.exitValue() + ": " + log());
        assertNothingLeft(ab.pid());
        for (String side : List.of("A", "B")) {
            EnvInfo env = ResultsDir.open(out.resolve(side)).readEnv();
            assertEquals("lan", env.network().profile(), side + ": " + env.network());
            assertTrue(env.network().setup().contains(NetnsLink.PREFIX + ab.pid()), env.network().setup());
        }
    }

    /** Runs {@code scenario} to its end: it exits with {@code exit} and leaves nothing. */
    private Process runToEnd(String scenario, int exit, String... where) throws Exception {
        Process run = start(scenario, where);
        assertTrue(run.waitFor(100, TimeUnit.SECONDS), "the run ends");
        assertEquals(exit, run.exitValue(), "exit " + exit + " expected (3: a benchmark failed): " + log());
        assertNothingLeft(run.pid());
        return run;
    }

    /** A child {@code run --profile smoke} of {@code scenario}; {@code where} defaults to {@code --network lan}. */
    private Process start(String scenario, String... where) throws Exception {
        List<String> words = new java.util.ArrayList<>(List.of("run", "--profile", "smoke", "--out", tmp.resolve("results").toString()));
        words.addAll(where.length == 0 ? List.of("--network", "lan") : List.of(where));
        return launch(scenario, words);
    }

    /** A child concbench JVM running {@code words} with {@code scenario} as its only scenario. */
    private Process launch(String scenario, List<String> words) throws Exception {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("preemption.yaml"), scenario);
        List<String> command = ChildRun.command(scenarios);
        command.addAll(words);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("run.log").toFile())
                .start();
    }

    private void awaitNamespaceAndFork(Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && run.isAlive()) {
            boolean ns = NetnsLink.namespaces().stream().anyMatch(n -> n.startsWith(NetnsLink.PREFIX + run.pid() + "-"));
            boolean fork = run.descendants().anyMatch(p -> cmdline(p).contains("org.openjdk.jmh.runner.ForkedMain"));
            if (ns && fork) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run made no namespace or started no fork: " + log());
    }

    private void assertNothingLeft(long pid) throws Exception {
        List<String> namespaces = NetnsLink.namespaces().stream().filter(n -> n.startsWith(NetnsLink.PREFIX + pid + "-")).toList();
        List<String> links = NetnsLink.links().stream().filter(l -> l.startsWith("cb" + pid + "-")).toList();
        assertTrue(namespaces.isEmpty() && links.isEmpty(), "left behind: " + namespaces + " " + links + "\n" + log());
    }

    private Path runDir() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
            return s.filter(p -> Files.exists(p.resolve(ResultsDir.ENV))).findFirst().orElseThrow();
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("run.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String cmdline(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
