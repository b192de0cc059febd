package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.run.BenchRun;
import dev.concbench.run.Planner;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs (and reports) started in the same second into one place never share a folder: each claims
 * its own by exclusive creation, the later ones with a suffix, and every one's results are kept.
 */
class ConcurrentRunsTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void runsStartedInTheSameSecondIntoOneOutKeepEveryResult() throws Exception {
        int runs = 6;
        // a plan whose one pair this build cannot run: the run writes its folder and summary, no JMH
        ScenarioCatalog catalog = RunCommand.loadScenarios(BenchmarkCatalog.of(), Path.of("scenarios"));
        Planner.Plan plan = new Planner(BenchmarkCatalog.of()).plan(catalog, Profile.SMOKE, List.of(), List.of());
        Planner.Plan nothingToRun = new Planner.Plan(List.of(), List.of("context-switch/x: placeholder " + plan.items().size()));
        Clock sameSecond = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<BenchRun.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            BenchRun run = new BenchRun(tmp, Profile.SMOKE, nothingToRun, "run " + i, sameSecond,
                    new PrintStream(OutputStream.nullOutputStream()), false);
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return run.run();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, Thread::startVirtualThread));
        }
        go.countDown();
        Set<Path> folders = new HashSet<>();
        for (CompletableFuture<BenchRun.Outcome> o : outcomes) {
            folders.add(o.join().results().path());
        }
        assertEquals(runs, folders.size(), "every run got its own folder: " + folders);
        try (Stream<Path> listed = Files.list(tmp)) {
            assertEquals(runs, listed.count());
        }
        assertTrue(folders.contains(tmp.resolve("20261202-060000-smoke")), folders.toString());
        assertTrue(folders.contains(tmp.resolve("20261202-060000-smoke-2")), folders.toString());
        Set<String> ids = new HashSet<>();
        for (Path f : folders) {
            RunSummary s = ResultsDir.open(f).readSummary();
            ids.add(s.runId());
            assertEquals(f.getFileName().toString(), s.runId(), "a summary names its own folder");
        }
        assertEquals(runs, ids.size());
    }

    @Test
    @Timeout(180)
    void reportsOfTwoResultsWithOneRunIdGetTwoFoldersAndAReportAgainReusesItsOwn() throws Exception {
        // not under a folder called results: both default to ./reports/<run-id>/ in the working folder
        Path a = Fixtures.copy(FixtureRuns.COMPLETE, tmp.resolve("a"));
        Path b = Fixtures.copy(FixtureRuns.COMPLETE, tmp.resolve("b"));
        Path ax = Files.move(a, Files.createDirectories(tmp.resolve("runs-a")).resolve(a.getFileName()));
        Path bx = Files.move(b, Files.createDirectories(tmp.resolve("runs-b")).resolve(b.getFileName()));
        CompletableFuture<CliProcess.Result> first = CompletableFuture.supplyAsync(() -> report(ax));
        CompletableFuture<CliProcess.Result> second = CompletableFuture.supplyAsync(() -> report(bx));
        CliProcess.Result r1 = first.join();
        CliProcess.Result r2 = second.join();
        assertTrue(r1.exit() <= 1, r1.describe());
        assertTrue(r2.exit() <= 1, r2.describe());
        Path index1 = tmp.resolve(r1.stdout().strip());
        Path index2 = tmp.resolve(r2.stdout().strip());
        assertFalse(index1.getParent().equals(index2.getParent()), "two results, two report folders: " + index1 + ", " + index2);
        String id = ax.getFileName().toString();
        assertEquals(Set.of(id, id + "-2"), Set.of(index1.getParent().getFileName().toString(),
                index2.getParent().getFileName().toString()));
        assertTrue(Files.isRegularFile(index1) && Files.isRegularFile(index2));

        CliProcess.Result again = report(ax);
        assertTrue(again.exit() <= 1, again.describe());
        assertEquals(index1, tmp.resolve(again.stdout().strip()), "the same results report into their own folder again");
    }

    private CliProcess.Result report(Path results) {
        try {
            return CliProcess.run(tmp, Map.of(), Duration.ofSeconds(150), "report", results.toString());
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}
