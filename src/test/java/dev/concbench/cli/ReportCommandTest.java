package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.Comparison;
import dev.concbench.results.Status;
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
        return run(new ReportCommand(), args);
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

    /** A results folder under {@code tmp/results/}, so that its default report folder is under {@code tmp/reports/}. */
    private Path resultsWithSummary(String name, String summary) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("results").resolve(name));
        Files.writeString(dir.resolve(ResultsDir.SUMMARY), summary);
        return dir;
    }

    @Test
    void olderFormatIsOneLineExitTwo() throws Exception {
        Path old = resultsWithSummary("old", "{\"format\":\"concbench-results/0\",\"rows\":[]}");
        assertEquals(2, run("report", old.toString()));
        assertOneLineNaming(old.resolve(ResultsDir.SUMMARY).toString(), "concbench-results/0", "not supported");
    }

    @Test
    void unreadableSummaryIsOneLineExitTwo() throws Exception {
        Path broken = resultsWithSummary("broken", "{ not json");
        assertEquals(2, run("report", broken.toString()));
        assertOneLineNaming(broken.resolve(ResultsDir.SUMMARY).toString(), "unreadable");
    }

    @Test
    void aMalformedSummaryLeavesNoReportFolder() throws Exception {
        Path broken = resultsWithSummary("broken", "{ not json");
        assertEquals(2, run("report", broken.toString()));
        assertFalse(Files.exists(tmp.resolve("reports").resolve("broken")), "a report folder was left behind");
        Path outDir = tmp.resolve("out");
        assertEquals(2, run("report", broken.toString(), "--out", outDir.toString()));
        assertFalse(Files.exists(outDir), "the --out folder was made for a report that was never written");
    }

    @Test
    void aBadBaselineLeavesNoReportFolder() {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        assertEquals(2, run("report", results.toString(), "--baseline", tmp.resolve("no-such-run").toString()));
        assertFalse(Files.exists(tmp.resolve("reports").resolve(results.getFileName())), "a report folder was left behind");
    }

    @Test
    void anEmptyComparisonBesideTheResultsIsOneLineExitTwo() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path compare = Files.createDirectories(results.resolve(ResultsDir.COMPARE_DIR)).resolve(ResultsDir.COMPARE_JSON);
        Files.writeString(compare, "{}");
        assertEquals(2, run("report", results.toString()));
        assertOneLineNaming(compare.toString(), "baselineRunId is missing");
        assertFalse(Files.exists(tmp.resolve("reports").resolve(results.getFileName())), "a report folder was left behind");

        Files.writeString(compare, "{\"baselineRunId\":\"a\",\"currentRunId\":\"b\",\"mode\":\"absolute\",\"rows\":[]}");
        assertEquals(2, run("report", results.toString()));
        assertTrue(stderr().contains(compare + ": rows is empty"), stderr());

        Files.writeString(compare, "{\"baselineRunId\":\"a\",\"currentRunId\":\"b\",\"mode\":\"absolute\","
                + "\"rows\":[{\"key\":\"k\",\"scenario\":\"s\",\"model\":\"virtual\",\"metric\":\"m\",\"status\":\"fine\"}]}");
        assertEquals(2, run("report", results.toString()));
        assertTrue(stderr().contains(compare + ":row 1: status must be one of"), stderr());
    }

    @Test
    void wrongArgumentCountIsOneLineExitTwo() {
        assertEquals(2, run("report"));
        assertOneLineNaming("expected one RESULTS_DIR, got 0");
    }

    @Test
    void aBaselineThatIsNotAResultsDirectoryIsOneLineExitTwo() {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        assertEquals(2, run("report", results.toString(), "--baseline", tmp.resolve("no-such-run").toString()));
        assertOneLineNaming("--baseline", "no-such-run");
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
        int code = run(new ReportCommand(), "report", current.toString(), "--out",
                outDir.toString(), "--baseline", baseline.toString());

        assertTrue(code == 0 || code == 1, stderr());
        // the gate's comparison goes beside the report, never into the results the report read
        assertFalse(Files.exists(current.resolve(ResultsDir.COMPARE_DIR)), "report wrote into the results");
        Comparison written = ResultsDir.json().readValue(outDir.resolve(ResultsDir.COMPARE_DIR)
                .resolve(ResultsDir.COMPARE_JSON).toFile(), Comparison.class);
        var regressed = written.rows().stream()
                .filter(r -> r.scenario().equals("context-switch") && r.model().equals("eventloop")
                        && r.status() != Status.UNCHANGED).toList();
        assertEquals(1, regressed.size(), written.rows().toString());
        assertEquals(Status.REGRESSED, regressed.get(0).status());
        assertTrue(regressed.get(0).failsGate());
        String html = Files.readString(outDir.resolve("index.html"));
        assertTrue(html.contains("Against the baseline"), "no baseline section");
        assertTrue(html.contains("regressed (fails the gate)"), "the regressed row is not marked");
        assertTrue(html.contains(regressed.get(0).change().substring(0, 5)), "the doubled hand-off's change is not shown");

        // a later report without --baseline shows the comparison 'compare' wrote beside the results
        ResultsDir.writeComparison(current.resolve(ResultsDir.COMPARE_DIR), written, "(markdown)");
        Path again = tmp.resolve("again");
        run(new ReportCommand(), "report", current.toString(), "--out", again.toString());
        assertTrue(Files.readString(again.resolve("index.html")).contains("Against the baseline " + written.baselineRunId()),
                "the written comparison is not shown");
    }
}
