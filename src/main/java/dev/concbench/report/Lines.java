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
                        ? Math.min(p.error(), p.y() * 0.999) : 0).toArray())
                : chart.addSeries(label, x, y);
        s.setLineColor(ChartWriter.color(SeriesTable.model(label)));
        s.setMarkerColor(ChartWriter.color(SeriesTable.model(label)));
        s.setMarker(label.endsWith(SeriesTable.GUARDED) ? SeriesMarkers.CROSS
                : label.contains("(") ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (label.endsWith(SeriesTable.GUARDED)) {
            s.setLineStyle(SeriesLines.DOT_DOT);
        } else if (dashed || label.contains("(")) {
            s.setLineStyle(SeriesLines.DASH_DASH);
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
