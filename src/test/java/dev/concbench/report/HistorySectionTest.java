package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.history.HistoryTrends;
import dev.concbench.history.TrendPoint;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultsDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The report's History section: there with earlier comparable runs, absent without them. */
@Timeout(60)
class HistorySectionTest {

    @TempDir
    Path tmp;

    /** Two earlier runs holding the complete fixture's rows, the second 10% slower. */
    private static HistoryTrends earlier() throws Exception {
        var rows = ResultsDir.open(Fixtures.source(FixtureRuns.COMPLETE)).readSummary().rows();
        List<String> runs = List.of("20261020-120000-quick", "20261025-120000-quick");
        List<TrendPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double f = 1 + 0.1 * i;
            String id = runs.get(i);
            rows.forEach(r -> points.add(new TrendPoint(r.scenario(), r.metric(), id, "2026-10-20T12:00:00Z", "abc",
                    r.model(), r.params(), new Measure(r.value() * f, r.error(), r.unit(), r.samples()), r.guards())));
        }
        return new HistoryTrends(runs, points);
    }

    @Test
    void earlierRunsGiveAHistorySectionWithTheGatedRowsTrendsAndThisRunMarked() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path out = tmp.resolve("report");
        String html = Files.readString(Reporter.write(input(results, out), out, null, earlier()));
        assertTrue(html.contains("<section id=\"history\">"), "the section is there");
        assertTrue(html.contains("20261020-120000-quick 20261025-120000-quick"), "it names the runs, oldest first");
        assertTrue(Files.size(out.resolve("history-context-switch-handoff.png")) > 0);
        assertTrue(Files.size(out.resolve("history-context-switch-handoff.svg")) > 0);
        assertTrue(html.contains("this run last (black diamonds)"));
    }

    @Test
    void withoutHistoryThereIsNoSection() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        String html = Files.readString(Reporter.write(input(results, tmp.resolve("report")), tmp.resolve("report"), null, null));
        assertFalse(html.contains("<section id=\"history\">"));
        String empty = Files.readString(Reporter.write(input(results, tmp.resolve("report2")), tmp.resolve("report2"), null,
                new HistoryTrends(List.of(), List.of())));
        assertFalse(empty.contains("<section id=\"history\">"));
    }

    /** The claims stage's output for a results folder, as {@code report} hands it to the page. */
    private static ReportInput input(Path results, Path out) throws Exception {
        ResultsDir dir = ResultsDir.open(results);
        dev.concbench.claims.RunData data = new dev.concbench.claims.RunData(dir.readSummary(), dir.readEnv());
        dev.concbench.claims.Verdicts verdicts = dev.concbench.claims.Verdicts.judge(data);
        java.nio.file.Files.createDirectories(out);
        return new ReportInput(dir, data, verdicts, verdicts.write(out.resolve(ResultsDir.CLAIMS)));
    }
}
