package dev.concbench.report;

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

/** Scalability's creation cost is drawn as its own chart, headless, one line per model against the task count. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreateCostChartTest {

    @Test
    void drawsCreationCostPerModelAgainstTasks(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        Map<String, Double> perTask = Map.of("eventloop", 1.9, "virtual", 2.8, "thread-per-task", 61.0);
        perTask.forEach((model, us) -> {
            for (String tasks : List.of("100", "1000", "10000")) {
                rows.add(new ResultRow("scalability", "ScalabilityBenchmark.run", model,
                        Map.of("tasks", tasks, "work", "sleep"), "createCost", us, "us", us * 0.1, 3,
                        Direction.LOWER_IS_BETTER, List.of()));
            }
        });
        RunData data = new RunData(new RunSummary(RunSummary.FORMAT, "20260101-000000-quick", "quick", true, List.of(),
                rows), null);
        List<Figure> figures = ScalingCharts.scalability(data, new ChartWriter(dir));
        assertTrue(figures.stream().anyMatch(f -> f.name().equals(ChartNames.SCALABILITY_CREATE_COST)), figures.toString());
        Path png = dir.resolve(ChartNames.SCALABILITY_CREATE_COST + ".png");
        assertTrue(Files.size(png) > 8_000, png + " is " + Files.size(png) + " bytes");
    }
}
