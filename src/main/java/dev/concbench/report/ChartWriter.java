package dev.concbench.report;

import dev.concbench.results.ResultsDir;
import dev.concbench.vocab.ModelKind;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Creates charts in the report's one style and writes each as PNG and SVG into the report
 * directory. Headless: it sets {@code java.awt.headless} before the first chart is built.
 */
final class ChartWriter {

    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final Color OTHER = new Color(0x7f7f7f);

    private final Path dir;

    ChartWriter(Path dir) {
        System.setProperty("java.awt.headless", "true");
        this.dir = dir;
    }

    /** A line chart with the report's style. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    /** A bar chart with the report's style. */
    static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.7);
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setMarkerSize(7);
        s.setErrorBarsColorSeriesColor(true);
        s.setAntiAlias(true);
    }

    /** The colour of a model ({@link ModelKind#rgb()}, the same on every chart), or grey for anything else (ideal lines, thresholds). */
    static Color color(String model) {
        return ModelKind.of(model).map(k -> new Color(k.rgb())).orElse(OTHER);
    }

    /**
     * Writes {@code chart} as {@code <name>.png} and {@code <name>.svg}.
     *
     * @return the figure the page shows
     */
    Figure write(Chart<?, ?> chart, String name, String title, String caption) throws IOException {
        Files.createDirectories(dir);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapFormat.PNG);
        java.io.ByteArrayOutputStream svg = new java.io.ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsFormat.SVG);
        // atomically, like every results file: a disk that fills mid-report leaves whole charts or none
        ResultsDir.writeAtomically(dir.resolve(name + ".png"), png.toByteArray());
        ResultsDir.writeAtomically(dir.resolve(name + ".svg"), svg.toByteArray());
        return new Figure(name, title, caption, name + ".png", name + ".svg");
    }
}
