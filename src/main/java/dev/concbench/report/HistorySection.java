package dev.concbench.report;

import dev.concbench.history.HistoryTrends;
import dev.concbench.history.TrendPoint;
import dev.concbench.report.SeriesTable.Point;
import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's History section: for each (scenario, metric) of the gated rows (unguarded and not
 * neutral: the rows the regression gate judges) that earlier comparable runs also have, the trend
 * over those runs with this run last and marked. At most {@value #MAX_CHARTS} charts, the rest named.
 */
final class HistorySection {

    static final int MAX_CHARTS = 16;

    /**
     * The section as the page shows it.
     *
     * @param runs    the earlier runs, oldest first
     * @param figures one trend per (scenario, metric)
     * @param note    what was left out, or ""
     */
    record HistoryView(List<String> runs, List<Figure> figures, String note) {
    }

    private HistorySection() {
    }

    /** The section, or null when the history holds no earlier comparable run with a gated row of this one. */
    static HistoryView draw(HistoryTrends history, RunSummary current, ChartWriter out) throws IOException {
        if (history == null || history.runIds().isEmpty()) {
            return null;
        }
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : current.rows()) {
            boolean known = history.earlier().stream().anyMatch(p -> p.scenario().equals(r.scenario())
                    && p.metric().equals(r.metric()) && p.model().equals(r.model()));
            if (r.trusted() && r.better() != Direction.NEUTRAL && known) {
                groups.computeIfAbsent(r.scenario() + "|" + r.metric(), k -> new ArrayList<>()).add(r);
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        List<Figure> figures = new ArrayList<>();
        for (List<ResultRow> rows : groups.values().stream().limit(MAX_CHARTS).toList()) {
            figures.add(chart(history, current.runId(), rows, out));
        }
        String note = groups.size() <= MAX_CHARTS ? "" : (groups.size() - MAX_CHARTS)
                + " more (scenario, metric) pairs have history; 'run-bench.sh history --scenario S --metric X' draws any of them.";
        return new HistoryView(history.runIds(), figures, note);
    }

    private static Figure chart(HistoryTrends history, String runId, List<ResultRow> rows, ChartWriter out)
            throws IOException {
        ResultRow first = rows.getFirst();
        double now = history.runIds().size() + 1;
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (TrendPoint p : history.earlier()) {
            if (p.scenario().equals(first.scenario()) && p.metric().equals(first.metric()) && p.guards().isEmpty()
                    && rows.stream().anyMatch(r -> r.model().equals(p.model()) && r.params().equals(p.params()))) {
                series.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(
                        new Point(history.runIds().indexOf(p.runId()) + 1, p.measure().value(), p.measure().error()));
            }
        }
        List<Point> marked = new ArrayList<>();
        for (ResultRow r : rows) {
            TrendPoint asPoint = new TrendPoint(r.scenario(), r.metric(), runId, "", "", r.model(), r.params(),
                    dev.concbench.results.Measure.of(r), r.guards());
            Point p = new Point(now, r.value(), r.error());
            series.computeIfAbsent(asPoint.series(), k -> new ArrayList<>()).add(p);
            marked.add(p);
        }
        int n = history.runIds().size();
        String title = first.scenario() + ": " + first.metric() + " over the last " + (n == 1 ? "comparable run" : n
                + " comparable runs") + " and this one";
        XYChart chart = ChartWriter.xy(title, "run (1 = oldest; " + (int) now + " = this run " + runId + ")",
                first.metric() + " (" + first.unit() + ")");
        series.forEach((label, pts) -> Lines.add(chart, label, pts, false));
        XYSeries mark = chart.addSeries("this run", marked.stream().mapToDouble(Point::x).toArray(),
                marked.stream().mapToDouble(Point::y).toArray());
        mark.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        mark.setMarker(SeriesMarkers.DIAMOND);
        mark.setMarkerColor(java.awt.Color.BLACK);
        String name = ("history-" + first.scenario() + "-" + first.metric()).replaceAll("[^A-Za-z0-9._-]", "_");
        String caption = first.metric() + " (" + first.unit() + ") of each model in the earlier runs with this run's "
                + "environment and profile, oldest first, and this run last (black diamonds); error bars as elsewhere.";
        return out.write(chart, name, title, caption);
    }
}
