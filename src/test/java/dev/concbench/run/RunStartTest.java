package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before the first benchmark starts, the run's folder already holds a valid, empty, incomplete
 * {@code summary.json}: a run killed in its first item leaves a folder report and compare accept.
 * Results files get the user's umask, not 0600.
 */
class RunStartTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void anIncompleteSummaryIsThereBeforeTheFirstItemStarts() throws Exception {
        Scenario preemption = JmhRunTest.scenario("scenarios/preemption.yaml", """
                claim: "table: concurrency model"
                title: Preemption
                benchmark: PreemptionBenchmark.heartbeat
                models: [platform-pool]
                metrics:
                  lateness.p99: {unit: ms, better: lower}
                profiles:
                  smoke: {params: {disturbance: [none], durationMs: [50]}, warmup: 0, iterations: 1}
                  quick: {}
                  full: {}
                """);
        Planner.Plan plan = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(preemption)),
                Profile.SMOKE, List.of(), List.of());
        AtomicReference<RunSummary> atFirstProgress = new AtomicReference<>();
        AtomicReference<String> problem = new AtomicReference<>();
        // the first progress line is printed as item 1 starts, before JMH runs it: read the folder then
        OutputStream spy = new OutputStream() {
            @Override
            public void write(int b) {
                if (atFirstProgress.get() != null || problem.get() != null) {
                    return;
                }
                try (var dirs = Files.list(tmp)) {
                    Path dir = dirs.findFirst().orElseThrow();
                    atFirstProgress.set(ResultsDir.open(dir).readSummary());
                } catch (Exception e) {
                    problem.set(String.valueOf(e));
                }
            }
        };
        BenchRun.Outcome outcome = new BenchRun(tmp, Profile.SMOKE, plan, "run", Clock.systemUTC(),
                new PrintStream(spy, true), false).run();
        assertEquals(null, problem.get());
        RunSummary first = atFirstProgress.get();
        assertFalse(first.complete());
        assertTrue(first.rows().isEmpty());
        assertEquals(1, first.missing().size(), first.missing().toString());
        assertTrue(first.missing().getFirst().contains("not run"), first.missing().toString());
        assertEquals(outcome.results().runId(), first.runId());

        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(outcome.results().path().resolve(ResultsDir.SUMMARY));
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain-file")));
        assertEquals(umasked, mode, "summary.json has the mode any new file of the user gets (the umask), not 0600");
    }
}
