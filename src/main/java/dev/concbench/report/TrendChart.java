package dev.concbench.report;

import dev.concbench.history.SeriesQuery;
import dev.concbench.history.TrendPoint;
import dev.concbench.report.SeriesTable.Point;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * A metric across the runs of the history: x is the run's place in time (1 = the oldest run that
 * has the metric), y the value with its error bar, one series per model (and parameter set);
 * guarded values form their own dotted series, as on the report's other line charts.
 */
public final class TrendChart {

    private TrendChart() {
    }

    /** The file name (without extension) a trend is written under, e.g. {@code trend-context-switch-handoff}. */
    public static String name(SeriesQuery query) {
        String base = "trend-" + query.scenario() + "-" + query.metric() + (query.model() == null ? "" : "-" + query.model());
        return base.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes the trend as PNG and SVG into {@code dir}.
     *
     * @param points the trend, oldest run first ({@link dev.concbench.history.HistoryStore#trend})
     * @return the figure written
     */
    public static Figure write(SeriesQuery query, List<TrendPoint> points, Path dir) throws IOException {
        List<String> runs = points.stream().map(p -> p.runId() + "@" + p.started()).distinct().toList();
        Map<String, List<Point>> series = new LinkedHashMap<>();
        String unit = points.isEmpty() ? "" : points.getFirst().measure().unit();
        for (TrendPoint p : points) {
            String label = p.series() + (p.guards().isEmpty() ? "" : SeriesTable.GUARDED);
            double x = runs.indexOf(p.runId() + "@" + p.started()) + 1;
            series.computeIfAbsent(label, k -> new java.util.ArrayList<>())
                    .add(new Point(x, p.measure().value(), p.measure().error()));
        }
        String title = query.scenario() + ": " + query.metric() + " across " + runs.size() + " run"
                + (runs.size() == 1 ? "" : "s");
        XYChart chart = ChartWriter.xy(title, "run (1 = oldest)", query.metric() + " (" + unit + ")");
        series.forEach((label, pts) -> Lines.add(chart, label, pts, false));
        String caption = "Each point is one run's value of " + query.metric() + " (" + unit + ") with its error bar; "
                + "one line per model" + (query.params().isEmpty() ? "" : ", rows with " + query.params()) + ".";
        return new ChartWriter(dir).write(chart, name(query), title, caption);
    }
}
