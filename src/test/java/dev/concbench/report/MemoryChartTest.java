package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.claims.ChartNames;
import dev.concbench.claims.RunData;
import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The memory chart's log axis: a unit that reserves 0 bytes is named, not drawn at 1 B. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryChartTest {

    @Test
    void zeroBytesPerUnitAreNamedNotDrawnAtOneByte(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        for (String units : List.of("100", "1000")) {
            rows.add(row("python-asyncio", units, "rssPerUnit", 1200));
            rows.add(row("python-asyncio", units, "vmSizePerUnit", 0));
            rows.add(row("python-threads", units, "rssPerUnit", 16_000));
            rows.add(row("python-threads", units, "vmSizePerUnit", 9_400_000));
        }
        RunData data = new RunData(new RunSummary(RunSummary.FORMAT, "20260101-000000-quick", "quick", true, List.of(),
                rows), null);
        Figure figure = ScalingCharts.memory(data, new ChartWriter(dir)).orElseThrow();
        assertTrue(figure.caption().contains("Not drawn, as a log axis has no 0: python-asyncio reserved at 100 units (0 B),"
                + " python-asyncio reserved at 1,000 units (0 B)"), figure.caption());
        assertFalse(figure.caption().contains("python-threads reserved at"), figure.caption());
        assertTrue(Files.size(dir.resolve(ChartNames.MEMORY + ".png")) > 8_000);
    }

    private static ResultRow row(String model, String units, String metric, double bytes) {
        return new ResultRow("memory", "concbench_py.memory", model, Map.of("units", units), metric, bytes, "bytes",
                bytes * 0.01, 5, Direction.LOWER_IS_BETTER, List.of());
    }
}
