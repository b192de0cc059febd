package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.report.BaselineComparison;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: the report and its path for good input, one line and exit 2 for bad input. */
@Timeout(20)
class ReportCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(ReportCommand command, String... args) {
        return new Main(List.of(command)).execute(args);
    }

    private int run(String... args) {
        return run(new ReportCommand(null), args);
    }

    private String stderr() {
        return console.stderr();
    }

    private void assertOneLineNaming(String... parts) {
        assertEquals(1, stderr().strip().lines().count(), stderr());
        for (String p : parts) {
            assertTrue(stderr().contains(p), "'" + p + "' not in: " + stderr());
        }
    }

    @Test
    void missingDirectoryIsOneLineExitTwo() {
        Path nowhere = tmp.resolve("no-such-run");
        assertEquals(2, run("report", nowhere.toString()));
        assertOneLineNaming(nowhere.toString(), "no such results directory");
    }

    @Test
    void foreignDirectoryIsOneLineExitTwo() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(foreign.resolve("cat.jpg"), "meow");
        assertEquals(2, run("report", foreign.toString()));
        assertOneLineNaming(foreign.toString(), "not a concbench results directory");
    }

    @Test
    void olderFormatIsOneLineExitTwo() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve(ResultsDir.SUMMARY), "{\"format\":\"concbench-results/0\",\"rows\":[]}");
        assertEquals(2, run("report", old.toString()));
        assertOneLineNaming(old.resolve(ResultsDir.SUMMARY).toString(), "concbench-results/0", "not supported");
    }

    @Test
    void unreadableSummaryIsOneLineExitTwo() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve(ResultsDir.SUMMARY), "{ not json");
        assertEquals(2, run("report", broken.toString()));
        assertOneLineNaming(broken.resolve(ResultsDir.SUMMARY).toString(), "unreadable");
    }

    @Test
    void wrongArgumentCountIsOneLineExitTwo() {
        assertEquals(2, run("report"));
        assertOneLineNaming("expected one RESULTS_DIR, got 0");
    }

    @Test
    void baselineWithoutARegressionGateIsOneLineExitTwo() {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        assertEquals(2, run("report", results.toString(), "--baseline", results.toString()));
        assertOneLineNaming("--baseline");
    }

    @Test
    void baselineUsesTheComparisonCompareWroteWhenItMatches() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Files.createDirectories(results.resolve("compare"));
        Files.writeString(results.resolve("compare").resolve("compare.json"), """
                {"baselineRunId": "base-run", "currentRunId": "x", "headline": "PASS: 1 improved", "rows": [
                 {"scenario": "spawn", "model": "virtual", "params": {}, "metric": "spawn",
                  "baseline": {"value": 2.0, "error": 0.1, "unit": "us/op"},
                  "current": {"value": 1.43, "error": 0.2, "unit": "us/op"},
                  "status": "improved", "failsGate": false, "change": "1.40x faster"}]}
                """);
        Path outDir = tmp.resolve("out");
        assertEquals(0, run("report", results.toString(), "--out", outDir.toString(), "--baseline",
                tmp.resolve("base-run").toString()), stderr());
        assertTrue(Files.readString(outDir.resolve("index.html")).contains("1.40x faster"));
        assertEquals(2, run("report", results.toString(), "--baseline", tmp.resolve("other-run").toString()));
        assertOneLineNaming("other-run", "run 'compare");
    }

    @Test
    void completeRunPrintsTheReportPathAndExitsZero() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path outDir = tmp.resolve("out");
        assertEquals(0, run("report", results.toString(), "--out", outDir.toString()), stderr());
        assertEquals(outDir.resolve("index.html").toString(), console.stdout().strip());
        assertTrue(Files.isRegularFile(outDir.resolve(ResultsDir.CLAIMS)), "claims.json beside the report");
        assertFalse(Files.exists(results.resolve(ResultsDir.CLAIMS)), "report wrote into the results it read");
    }

    @Test
    void readingAResultsFolderNeverChangesIt() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        // the run's own verdicts, as the run wrote them; a report recomputes its own and leaves these be
        String runs = "[]";
        Files.writeString(results.resolve(ResultsDir.CLAIMS), runs);
        java.util.Map<Path, java.nio.file.attribute.FileTime> before = modified(results);
        Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(results);
        Files.setPosixFilePermissions(results, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path outDir = tmp.resolve("out");
            assertEquals(0, run("report", results.toString(), "--out", outDir.toString()), stderr());
            assertTrue(Files.isRegularFile(outDir.resolve(ResultsDir.CLAIMS)));
        } finally {
            Files.setPosixFilePermissions(results, mode);
        }
        assertEquals(runs, Files.readString(results.resolve(ResultsDir.CLAIMS)));
        assertEquals(before, modified(results));
    }

    private static java.util.Map<Path, java.nio.file.attribute.FileTime> modified(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            java.util.Map<Path, java.nio.file.attribute.FileTime> times = new java.util.TreeMap<>();
            for (Path p : files.toList()) {
                times.put(p, Files.getLastModifiedTime(p));
            }
            return times;
        }
    }

    @Test
    void partialRunStillGetsAReportButExitsOneForUnevaluatedClaims() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.PARTIAL, tmp);
        assertEquals(1, run("report", results.toString()));
        Path index = tmp.resolve("reports").resolve(results.getFileName()).resolve("index.html");
        assertEquals(index.toString(), console.stdout().strip());
        assertTrue(Files.readString(index).contains("This run is incomplete"));
        assertOneLineNaming("claims not measured");
    }

    @Test
    void baselineThroughTheRealGateHighlightsARegressedRow() throws Exception {
        Path baseline = Fixtures.copy(FixtureRuns.COMPLETE, tmp.resolve("baseline"));
        Path current = Fixtures.copy(FixtureRuns.COMPLETE, tmp.resolve("current"));
        ResultsDir currentDir = ResultsDir.open(current);
        var summary = currentDir.readSummary();
        var rows = summary.rows().stream().map(r -> r.scenario().equals("context-switch") && r.model().equals("eventloop")
                && r.params().isEmpty()
                ? new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.value() * 2,
                        r.unit(), r.error(), r.samples(), r.better(), r.guards())
                : r).toList();
        currentDir.writeSummary(new RunSummary(summary.format(), summary.runId(), summary.profile(),
                summary.complete(), summary.missing(), rows));

        Path outDir = tmp.resolve("out");
        int code = run(new ReportCommand(new GateComparisonSource()), "report", current.toString(), "--out",
                outDir.toString(), "--baseline", baseline.toString());

        assertTrue(code == 0 || code == 1, stderr());
        BaselineComparison shown = dev.concbench.report.CompareFile.besides(current).orElseThrow();
        var regressed = shown.highlights().stream()
                .filter(h -> h.what().contains("context-switch") && h.what().contains("eventloop")).toList();
        assertEquals(1, regressed.size(), shown.highlights().toString());
        assertEquals("regressed (fails the gate)", regressed.get(0).status());
        String html = Files.readString(outDir.resolve("index.html"));
        assertTrue(html.contains("Against the baseline"), "no baseline section");
        assertTrue(html.contains(regressed.get(0).change()), "the doubled hand-off's change is not shown");
    }

    @Test
    void baselineHighlightsComeFromTheComparisonSource() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path baseline = tmp.resolve("baseline-run");
        ReportCommand command = new ReportCommand((b, c) -> new BaselineComparison(b.getFileName().toString(),
                c.getFileName().toString(), "1 regression", List.of(new BaselineComparison.Highlight(
                        "io-load/eventloop [rate=2000] latency.p99", "21.7 ms", "30.2 ms", "+39%", "regression"))));
        Path outDir = tmp.resolve("out");
        assertEquals(0, run(command, "report", results.toString(), "--out", outDir.toString(), "--baseline",
                baseline.toString()), stderr());
        String html = Files.readString(outDir.resolve("index.html"));
        assertTrue(html.contains("Against the baseline baseline-run"));
        assertTrue(html.contains("io-load/eventloop [rate&#61;2000] latency.p99"));
    }
}
