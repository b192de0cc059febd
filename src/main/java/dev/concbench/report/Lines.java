package dev.concbench.report;

import dev.concbench.report.SeriesTable.Point;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adds series to line charts in the report's style: one colour per model, errors as bars. */
final class Lines {

    /**
     * An error bar reaches down at most to a tenth of its value: a log axis cannot show an
     * interval that includes 0, and the bar running off-scale says the same thing.
     */
    private static final double LOWEST_ERROR_BAR = 0.9;

    private Lines() {
    }

    /** Every series of {@code table}, solid, with error bars when any point has an error. */
    static void addAll(XYChart chart, SeriesTable table) {
        table.series().forEach((label, points) -> add(chart, label, points, false));
    }

    /**
     * One series.
     *
     * @param dashed draw it dashed (a second quantity of the same model, e.g. reserved memory)
     */
    static XYSeries add(XYChart chart, String label, List<Point> points, boolean dashed) {
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        double[] y = points.stream().mapToDouble(Point::y).toArray();
        boolean errors = points.stream().anyMatch(p -> Double.isFinite(p.error()) && p.error() > 0);
        XYSeries s = errors
                ? chart.addSeries(label, x, y, points.stream().mapToDouble(p -> Double.isFinite(p.error())
                        ? Math.min(p.error(), p.y() * LOWEST_ERROR_BAR) : 0).toArray())
                : chart.addSeries(label, x, y);
        String model = SeriesTable.model(label);
        // a second configuration of a model already on the chart (virtual on one carrier) is told apart by its line
        boolean variant = chart.getSeriesMap().keySet().stream().filter(k -> !k.equals(label))
                .anyMatch(k -> SeriesTable.model(k).equals(model) && !k.endsWith(SeriesTable.GUARDED));
        s.setLineColor(ChartWriter.color(SeriesTable.model(label)));
        s.setMarkerColor(ChartWriter.color(SeriesTable.model(label)));
        // CPython's models: square markers and dash-dot lines (and lighter colours, ModelKind's), so the
        // two runtimes tell apart at a glance on every chart with a model axis
        boolean cpython = dev.concbench.vocab.ModelKind.runtimeOf(model) == dev.concbench.vocab.RuntimeKind.CPYTHON;
        s.setMarker(label.endsWith(SeriesTable.GUARDED) ? SeriesMarkers.CROSS
                : variant ? SeriesMarkers.DIAMOND : cpython ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
        if (label.endsWith(SeriesTable.GUARDED)) {
            s.setLineStyle(SeriesLines.DOT_DOT);
        } else if (dashed || variant) {
            s.setLineStyle(SeriesLines.DASH_DASH);
        } else if (cpython) {
            s.setLineStyle(SeriesLines.DASH_DOT);
        }
        return s;
    }

    /** A grey reference line (ideal speed-up, what a GIL allows) through two or more points. */
    static void reference(XYChart chart, String label, double[] x, double[] y, java.awt.BasicStroke stroke) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setLineColor(java.awt.Color.GRAY);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    }
}
