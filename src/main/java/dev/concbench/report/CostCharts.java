package dev.concbench.report;

import dev.concbench.claims.ChartNames;
import dev.concbench.claims.RunData;
import dev.concbench.report.SeriesTable.Point;
import dev.concbench.results.ResultRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import dev.concbench.results.Measure;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

/**
 * Bar charts of single numbers per model, with JMH's error bars: context-switch and spawn cost,
 * connection pooling, lost updates, and the seed's example timings against what the seed says.
 */
final class CostCharts {

    private CostCharts() {
    }

    static List<Figure> all(RunData data, ChartWriter out) throws IOException {
        List<Figure> figures = new ArrayList<>();
        perModel(data, out, "context-switch", "handoff", ChartNames.CONTEXT_SWITCH, "Context switch: hand-off cost",
                "One task hands control to another and back: a method call on the loop, a continuation switch for"
                        + " virtual threads, a kernel-mediated wake-up for platform threads. Lower is cheaper; log"
                        + " axis; error bars are JMH's 99.9% confidence interval.", true).ifPresent(figures::add);
        perModel(data, out, "spawn", "spawn", ChartNames.SPAWN, "Spawn cost: starting one unit of concurrency",
                "Creating and starting one task, virtual thread, platform thread or worker process. Log axis;"
                        + " error bars are JMH's 99.9% confidence interval.", true).ifPresent(figures::add);
        grouped(data, out, "pooling", "request", "connections", ChartNames.POOLING,
                "Connection pooling: one request, pooled vs new connection",
                "One request to the loopback server over a reused connection or a new one per request; error bars"
                        + " are JMH's 99.9% confidence interval.").ifPresent(figures::add);
        perModel(data, out, "determinism", "lostUpdates", ChartNames.DETERMINISM,
                "Debugging: lost updates of an unsynchronised shared counter",
                "The same racy program run many times per model: updates lost per run (0 means deterministic)."
                        + " Cooperative switching only at await points leaves nothing to race.", false)
                .ifPresent(figures::add);
        examples(data, out).ifPresent(figures::add);
        return figures;
    }

    /**
     * One number per model as a dot with its error bar, models along x. A dot plot rather than bars:
     * these costs span orders of magnitude, so the axis is logarithmic, and a bar's length means
     * nothing on a log axis.
     */
    private static Optional<Figure> perModel(RunData data, ChartWriter out, String scenario, String metric,
            String name, String title, String caption, boolean log) throws IOException {
        SeriesTable table = SeriesTable.of(data.summary(), scenario, metric, null, SeriesTable.none(), r -> true);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartWriter.xy(title, "model", metric + " (" + table.unit() + (log ? ", log)" : ")"));
        List<String> labels = new ArrayList<>(table.series().keySet());
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(labels.size() + 0.5);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setMarkerSize(12);
        double top = labels.stream().mapToDouble(l -> table.series().get(l).getFirst().y()).max().orElse(1);
        if (log) {
            double least = labels.stream().mapToDouble(l -> table.series().get(l).getFirst().y()).min().orElse(1);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(least))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(top * 3))));
        } else {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(top * 1.2);
        }
        for (int i = 0; i < labels.size(); i++) {
            Point p = table.series().get(labels.get(i)).getFirst();
            XYSeries s = Lines.add(chart, labels.get(i), List.of(new Point(i + 1, p.y(), p.error())), false);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            // the value above its dot: a factor up on a log axis, a fraction of the range on a linear one
            double above = log ? p.y() * 1.7 : p.y() + top * 0.07;
            chart.addAnnotation(new AnnotationText(new Measure(p.y(), p.error(), table.unit()).format(), i + 1,
                    above, false));
        }
        return Optional.of(out.write(chart, name, title, caption + table.guardedNote()));
    }

    private static Optional<Figure> grouped(RunData data, ChartWriter out, String scenario, String metric,
            String param, String name, String title, String caption) throws IOException {
        List<ResultRow> all = data.summary().rows(scenario).stream()
                .filter(r -> r.metric().equals(metric) && r.params().containsKey(param)).toList();
        List<ResultRow> rows = all.stream().filter(ResultRow::trusted).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> models = rows.stream().map(ResultRow::model).distinct().toList();
        List<String> values = rows.stream().map(r -> r.params().get(param)).distinct().sorted().toList();
        CategoryChart chart = ChartWriter.bars(title, "model", metric + " (" + rows.getFirst().unit() + ")");
        for (String v : values) {
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String model : models) {
                Optional<ResultRow> row = rows.stream()
                        .filter(r -> r.model().equals(model) && v.equals(r.params().get(param))).findFirst();
                y.add(row.map(ResultRow::value).orElse(0.0));
                e.add(row.map(r -> Double.isFinite(r.error()) ? r.error() : 0.0).orElse(0.0));
            }
            chart.addSeries(param + "=" + v, models, y, e);
        }
        return Optional.of(out.write(chart, name, title, caption + leftOut(all.size() - rows.size())));
    }

    /** Bars cannot be drawn apart the way lines are: guarded rows are left out, and the caption says so. */
    private static String leftOut(long guarded) {
        return guarded == 0 ? "" : " " + guarded + " guarded row(s) are left out of this chart; see \"Guarded rows\".";
    }

    private static Optional<Figure> examples(RunData data, ChartWriter out) throws IOException {
        Predicate<ResultRow> elapsed = r -> r.metric().equals("elapsedUnits");
        List<ResultRow> all = data.summary().rows("examples").stream().filter(elapsed).toList();
        List<ResultRow> rows = all.stream().filter(ResultRow::trusted).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> seed = Map.of("gather", 3.0, "sequential", 6.0, "tasks", 3.0, "semaphore", 4.0,
                "timeout", 3.0);
        List<String> names = rows.stream().map(r -> r.params().get("example")).toList();
        CategoryChart chart = ChartWriter.bars("The seed's examples on the event loop", "example",
                "elapsed (units of the seed's seconds)");
        chart.addSeries("measured", names, rows.stream().map(ResultRow::value).toList(),
                rows.stream().map(r -> Double.isFinite(r.error()) ? r.error() : 0.0).toList());
        chart.addSeries("the seed says", names, names.stream().map(n -> seed.getOrDefault(n, 0.0)).toList());
        return Optional.of(out.write(chart, ChartNames.EXAMPLES, "The seed's example programs: elapsed time",
                "Each example run on the event loop with the seed's seconds scaled to a time unit, next to the time"
                        + " the seed implies: gather and tasks ~3 (the longest delay, not the sum 6), sequential awaits"
                        + " 6, the semaphore 4 rounds of 3 for 10 requests, wait_for its 3-unit timeout."
                        + leftOut(all.size() - rows.size())));
    }
}
