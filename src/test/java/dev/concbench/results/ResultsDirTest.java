package dev.concbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirTest {

    @TempDir
    Path tmp;

    private static RunSummary sample() {
        ResultRow a = new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", "virtual",
                Map.of("pairs", "1"), "handoff", 812.5, "ns/op", 12.25, 10, Direction.LOWER_IS_BETTER, List.of());
        ResultRow b = new ResultRow("spawn", "SpawnBenchmark.spawn", "process-pool", Map.of(), "spawn, \"round trip\"",
                Double.NaN, "us/op", Double.NaN, 1, Direction.LOWER_IS_BETTER, List.of("not-process: ran in parent"));
        return new RunSummary(RunSummary.FORMAT, "20261123-230000-smoke", "smoke", false, List.of("scalability"),
                List.of(a, b));
    }

    @Test
    void summaryRoundTripsThroughJsonAndWritesCsv() throws Exception {
        ResultsDir dir = ResultsDir.create(tmp.resolve("run"));
        dir.writeSummary(sample());

        RunSummary back = ResultsDir.open(tmp.resolve("run")).readSummary();
        assertEquals(sample().rows().get(0), back.rows().get(0));
        assertTrue(Double.isNaN(back.rows().get(1).value()));
        assertFalse(back.rows().get(1).trusted());
        assertEquals(List.of("scalability"), back.missing());

        List<String> csv = Files.readAllLines(tmp.resolve("run").resolve(ResultsDir.SUMMARY_CSV));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("scenario,benchmark,model,params,metric,value"), csv.get(0));
        assertTrue(csv.get(2).contains("\"spawn, \"\"round trip\"\"\""), csv.get(2));
    }

    @Test
    void openRejectsMissingAndForeignDirectories() throws Exception {
        var missing = assertThrows(ResultsFormatException.class, () -> ResultsDir.open(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such results directory"));

        Files.createDirectories(tmp.resolve("foreign"));
        var foreign = assertThrows(ResultsFormatException.class, () -> ResultsDir.open(tmp.resolve("foreign")));
        assertTrue(foreign.getMessage().contains("not a concbench results directory"));
    }

    @Test
    void readRejectsAnOlderFormat() throws Exception {
        Path run = tmp.resolve("old");
        Files.createDirectories(run);
        Files.writeString(run.resolve(ResultsDir.SUMMARY), "{\"format\":\"concbench-results/0\",\"rows\":[]}");
        var e = assertThrows(ResultsFormatException.class, () -> ResultsDir.open(run).readSummary());
        assertTrue(e.getMessage().contains("is not supported"), e.getMessage());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws Exception {
        Path target = tmp.resolve("x.json");
        ResultsDir.writeAtomically(target, "{}".getBytes());
        ResultsDir.writeAtomically(target, "{\"a\":1}".getBytes());
        assertEquals("{\"a\":1}", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
