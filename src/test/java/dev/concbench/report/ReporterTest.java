package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.claims.ChartNames;
import dev.concbench.claims.RunData;
import dev.concbench.claims.Verdicts;
import dev.concbench.claims.SeedClaims;
import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.RunComparator;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.Comparison;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class ReporterTest {

    @TempDir
    Path tmp;

    /** The complete fixture's report, written once for the tests that only read it. */
    @TempDir
    static Path shared;
    private static Path results;
    private static Path out;
    private static Path index;

    @BeforeAll
    static void writeCompleteReport() throws Exception {
        results = Fixtures.copy(FixtureRuns.COMPLETE, shared);
        out = shared.resolve("reports").resolve(results.getFileName());
        index = report(results, out);
    }

    /** What {@code report} does: read the results once, judge the claims (claims.json beside the page), draw. */
    static Path report(Path results, Path out) throws Exception {
        return report(results, out, null);
    }

    /** The claims.json written beside a report. */
    static List<ClaimResult> claimsBeside(Path out) throws Exception {
        return ResultsDir.json().readValue(out.resolve(ResultsDir.CLAIMS).toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<List<ClaimResult>>() {});
    }

    static Path report(Path results, Path out, Comparison comparison) throws Exception {
        ResultsDir dir = ResultsDir.open(results);
        RunData data = new RunData(dir.readSummary(), dir.readEnv());
        Verdicts verdicts = Verdicts.judge(data);
        Path claims = verdicts.write(out.resolve(ResultsDir.CLAIMS));
        return Reporter.write(new ReportInput(dir, data, verdicts, claims), out, comparison);
    }

    /** Every chart a claim points to, plus the spectra and heartbeats the fixture's logs give. */
    private static final List<String> COMPLETE_CHARTS = List.of(ChartNames.CONTEXT_SWITCH, ChartNames.SPAWN,
            ChartNames.MEMORY, ChartNames.CPU_SPEEDUP, ChartNames.SCALABILITY_P99,
            ChartNames.SCALABILITY_CREATE_COST, ChartNames.SCALABILITY_THROUGHPUT,
            ChartNames.IO_LOAD, ChartNames.HEARTBEAT_CPU_HOG, ChartNames.HEARTBEAT_BLOCKING, ChartNames.DETERMINISM,
            ChartNames.EXAMPLES, ChartNames.POOLING, "spectrum-preemption-none", "spectrum-preemption-cpu-hog",
            "spectrum-preemption-blocking-sleep", "spectrum-io-load-500", "spectrum-io-load-2000");

    /** {@code text} as the page's template engine escapes it. */
    static String escaped(String text) {
        java.io.StringWriter out = new java.io.StringWriter();
        new com.github.mustachejava.DefaultMustacheFactory().compile(new java.io.StringReader("{{x}}"), "escape")
                .execute(out, java.util.Map.of("x", text));
        return out.toString();
    }

    @Test
    void everyChartIsRenderedHeadlessAsPngAndSvg() throws Exception {
        assertEquals(out.resolve(Reporter.INDEX), index);
        for (String chart : COMPLETE_CHARTS) {
            Path png = out.resolve(chart + ".png");
            Path svg = out.resolve(chart + ".svg");
            assertTrue(Files.size(png) > 8_000, chart + ".png is " + Files.size(png) + " bytes");
            assertTrue(Files.size(svg) > 20_000, chart + ".svg is " + Files.size(svg) + " bytes");
            assertTrue(Files.readString(index).contains("src=\"" + chart + ".png\""), chart + " not on the page");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(COMPLETE_CHARTS.size() * 2 + 2, files.count(), "charts, index.html, claims.json");
        }
    }

    @Test
    void everyClaimChartLinkPointsToADrawnChart() throws Exception {
        String html = Files.readString(index);
        SeedClaims.all().forEach(c -> c.charts().forEach(png -> {
            assertTrue(Files.isRegularFile(out.resolve(png)), c.id() + " points to " + png);
            assertTrue(html.contains("href=\"#chart-" + png.replace(".png", "") + "\""), c.id() + " link to " + png);
        }));
        assertFalse(html.contains("not drawn: no data"));
    }

    @Test
    void linksTheClaimsJsonItShowsAndWritesNothingIntoTheResults() throws Exception {
        assertFalse(Files.exists(results.resolve(ResultsDir.CLAIMS)), "the report wrote into the results");
        List<ClaimResult> claims = claimsBeside(out);
        assertEquals(SeedClaims.all().stream().map(c -> c.id()).toList(),
                claims.stream().map(ClaimResult::id).toList());
        assertTrue(Files.readString(index).contains("href=\"claims.json\""), "claims.json link");
    }

    @Test
    void pageShowsEveryClaimTheEnvironmentTheCommandsAndRawFileLinks() throws Exception {
        String html = Files.readString(index);
        for (ClaimResult c : claimsBeside(out)) {
            assertTrue(html.contains("id=\"" + c.id() + "\""), c.id());
            assertTrue(html.contains("badge " + ReportPage.css(c.verdict()) + "\">" + c.verdict().label()), c.id());
        }
        assertTrue(html.contains("Eclipse Adoptium 25.0.1+8-LTS"));
        assertTrue(html.contains("./run-bench.sh report "));
        assertTrue(html.contains("href=\"../../results/20261101-120000-quick/summary.json\""), "raw link");
        assertTrue(html.contains("histograms/preemption-eventloop%2Boffload-none.hlog")
                || html.contains("histograms/preemption-eventloop+offload-none.hlog"), "hlog link");
        assertTrue(html.contains("1.01 ± 0.02 MiB"), "numbers carry units and errors");
        assertFalse(html.contains("This run is incomplete"));
    }

    /** The fixture runs coroutines beside eventloop: the page answers the three questions in words. */
    @Test
    void pageComparesCoroutinesWithCallbacks() throws Exception {
        String html = Files.readString(index);
        assertTrue(html.contains("<h2>Coroutines vs callbacks</h2>"), "coroutines section");
        for (String question : List.of("<li>Hand-off: ", "<li>Memory per waiting unit (heap): ", "<li>Spawn cost: ")) {
            assertTrue(html.contains(question), question);
        }
        assertFalse(html.contains("not measured in this run (no coroutines row beside an eventloop one in spawn)"),
                "the fixture's spawn rows pair");
    }

    @Test
    void partialRunGetsAReportThatSaysWhatIsMissing() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.PARTIAL, tmp);
        Path out = tmp.resolve("report");
        String html = Files.readString(report(results, out));
        assertTrue(html.contains("This run is incomplete"));
        RunSummary summary = ResultsDir.open(results).readSummary();
        summary.missing().forEach(m -> assertTrue(html.contains(escaped(m)), m));
        assertTrue(html.contains("(did not end: interrupted)"));
        assertTrue(html.contains(ChartNames.MEMORY + ".png (not drawn: no data)"), "a chart that cannot be drawn says so");
        assertFalse(Files.exists(out.resolve(ChartNames.MEMORY + ".png")));
        assertTrue(Files.size(out.resolve(ChartNames.CONTEXT_SWITCH + ".png")) > 8_000);
    }

    @Test
    void guardedRowsAreListedAndDrawnApart() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.GUARDED, tmp);
        String html = Files.readString(report(results, tmp.resolve("report")));
        assertTrue(html.contains("pinned: 37 jdk.VirtualThreadPinned events"));
        assertTrue(html.contains("guarded row(s) are drawn dotted with crosses"));
        assertTrue(html.contains("a guarded row never decides a verdict"));
    }

    @Test
    void textFromTheResultsIsEscaped() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.PARTIAL, tmp);
        ResultsDir dir = ResultsDir.open(results);
        RunSummary s = dir.readSummary();
        List<String> missing = new ArrayList<>(s.missing());
        missing.add("pooling: <img src=x onerror=alert(1)> & \"quotes\"");
        dir.writeSummary(new RunSummary(s.format(), s.runId(), s.profile(), false, missing, s.rows()));
        String html = Files.readString(report(results, tmp.resolve("report")));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt; &amp; &quot;quotes&quot;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureRuns.PARTIAL, FixtureRuns.GUARDED})
    void everyFixtureGetsAReportWithEveryVerdictShown(String fixture) throws Exception {
        Path results = Fixtures.copy(fixture, tmp);
        String html = Files.readString(report(results, tmp.resolve("report")));
        for (ClaimResult c : claimsBeside(tmp.resolve("report"))) {
            assertTrue(html.contains("badge " + ReportPage.css(c.verdict()) + "\">" + c.verdict().label()), c.id());
        }
    }

    @Test
    void highlightsTheRegressionGatesComparisonWrittenBesideTheResults() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        RunSummary base = ResultsDir.open(results).readSummary();
        RunSummary slower = new RunSummary(base.format(), base.runId(), base.profile(), base.complete(), base.missing(),
                base.rows().stream().map(r -> r.scenario().equals("context-switch") && r.model().equals("eventloop")
                        ? new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.value() * 2,
                                r.unit(), r.error(), r.samples(), r.better(), r.guards())
                        : r).toList());
        Comparison c = RunComparator.compare(base, slower, CompareOptions.defaults());
        ResultsDir.writeComparison(results.resolve(ResultsDir.COMPARE_DIR), c, "(markdown)");

        String html = Files.readString(report(results, tmp.resolve("report")));
        assertTrue(html.contains("Against the baseline " + base.runId()));
        assertTrue(html.contains("context-switch/eventloop"), "the regressed row is not highlighted");
        assertTrue(html.contains("regressed (fails the gate)"));
        assertFalse(html.contains("context-switch/virtual"), "unchanged rows are not highlighted");
    }

    @Test
    void logsAreKnownByTheirHeaderNotTheirNameAndHeaderlessOnesAreRefusedInOneLine() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path logs = results.resolve(ResultsDir.HISTOGRAMS);
        Files.move(logs.resolve("preemption-eventloop-cpu-hog.hlog"), logs.resolve("renamed.hlog"));
        // two logs as an older concbench wrote them: no identity header, only a name
        for (String old : List.of("io-load-eventloop-500", "preemption-virtual-none")) {
            List<String> lines = Files.readAllLines(logs.resolve(old.startsWith("io") ? "io-load-eventloop-delayMs20-500.hlog"
                    : old + ".hlog")).stream().filter(l -> !l.startsWith("#concbench-log")).toList();
            Files.write(logs.resolve(old + ".old.hlog"), lines);
        }
        String html = Files.readString(report(results, tmp.resolve("report")));
        assertTrue(html.contains("renamed.hlog"), "the renamed log is still drawn");
        assertEquals(1, html.lines().filter(l -> l.contains("have no &#39;#concbench-log&#39; header")
                || l.contains("have no '#concbench-log' header")).count(), "one line for both old logs");
        assertTrue(html.contains("2 histogram log(s)"), html.lines().filter(l -> l.contains("header")).toList().toString());
    }

    @Test
    void defaultOutDirSitsBesideResults() {
        assertEquals(tmp.resolve("reports").resolve("20261101-120000-quick"),
                Reporter.defaultOutDir(tmp.resolve("results").resolve("20261101-120000-quick")));
        assertEquals(Path.of("reports", "run1"), Reporter.defaultOutDir(tmp.resolve("elsewhere").resolve("run1")));
    }
}
