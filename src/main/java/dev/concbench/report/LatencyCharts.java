package dev.concbench.report;

import dev.concbench.claims.ChartNames;
import dev.concbench.results.Measure;
import dev.concbench.report.SeriesTable.Point;
import dev.concbench.vocab.ModelKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;

/**
 * Charts read from the HdrHistogram interval logs: the latency percentile spectrum per model
 * (HdrHistogram's plot: x = 1/(1-p) on a log axis, labelled as percentiles) and the heartbeat's
 * lateness over time (each interval's worst value).
 */
final class LatencyCharts {

    /** Percentile iteration resolution: ticks per halving of the remaining distance to 100%. */
    private static final int TICKS_PER_HALF = 5;

    private LatencyCharts() {
    }

    /** One spectrum per (scenario, variant) that has logs, one line per logged model. */
    static List<Figure> spectra(List<LatencyLog> logs, ChartWriter out) throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<String> scenarios = logs.stream().map(LatencyLog::scenario).distinct()
                .sorted(java.util.Comparator.comparingInt(LatencyCharts::scenarioRank)).toList();
        for (String scenario : scenarios) {
            List<String> variants = logs.stream().filter(l -> l.scenario().equals(scenario))
                    .map(LatencyLog::variant).distinct().sorted().toList();
            if (scenario.equals("scalability") && !variants.isEmpty()) {
                // one spectrum per task count would drown the page: the largest count is the telling one
                variants = List.of(variants.stream().max(java.util.Comparator.comparingDouble(
                        LatencyCharts::numberOrZero)).orElseThrow());
            }
            for (String variant : variants) {
                List<LatencyLog> group = logs.stream()
                        .filter(l -> l.scenario().equals(scenario) && l.variant().equals(variant))
                        .sorted(java.util.Comparator.comparingInt(LatencyCharts::rank)
                        .thenComparing(LatencyLog::label)).toList();
                figures.add(spectrum(scenario, variant, group, out));
            }
        }
        return figures;
    }

    private static double numberOrZero(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The page shows heartbeats' spectra first, then requests', then tasks'; a scenario not listed last. */
    private static final List<String> SCENARIO_ORDER = List.of("preemption", "io-load", "scalability", "http-server");

    private static int scenarioRank(String scenario) {
        int i = SCENARIO_ORDER.indexOf(scenario);
        return i < 0 ? SCENARIO_ORDER.size() : i;
    }

    private static int rank(LatencyLog log) {
        return ModelKind.displayRank(log.model());
    }

    private static Figure spectrum(String scenario, String variant, List<LatencyLog> group, ChartWriter out)
            throws IOException {
        String what = scenario.equals("preemption") ? "heartbeat lateness"
                : scenario.equals("io-load") || scenario.equals("http-server") ? "request latency" : "task latency";
        String when = switch (scenario) {
            case "preemption" -> "disturbance " + variant;
            case "io-load" -> variant + " req/s";
            case "http-server" -> variant.equals("0") ? "closed loop" : variant + " req/s";
            default -> variant + " tasks";
        };
        XYChart chart = ChartWriter.xy(scenario + ": " + what + " by percentile (" + when + ")", "percentile",
                what + " (ms, log)");
        // x is log10(1/(1-p)) on a linear axis, labelled back as percentiles: XChart's custom tick
        // labels are placed linearly, so the logarithm is taken here rather than by the axis
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(LatencyCharts::percentileLabel);
        for (LatencyLog log : group) {
            List<Point> points = new ArrayList<>();
            for (HistogramIterationValue v : log.total().percentiles(TICKS_PER_HALF)) {
                double p = v.getPercentileLevelIteratedTo() / 100;
                if (p < 1) {
                    double ms = v.getValueIteratedTo() / LatencyLog.NANOS_PER_MS;
                    points.add(new Point(Math.log10(1 / (1 - p)), Math.max(ms, 1e-3), Double.NaN));
                }
            }
            Lines.add(chart, log.label(), points, false);
        }
        String name = "spectrum-" + scenario + "-" + variant;
        String counts = group.stream().map(l -> l.label() + " " + Measure.number(l.total().getTotalCount()))
                .collect(Collectors.joining(", "));
        return out.write(chart, name, "Latency spectrum: " + scenario + ", " + when,
                "HdrHistogram-style percentile spectrum of the whole run (" + what + ", ms on a log axis). Read"
                        + " right for rarer events: 90% means 1 in 10, 99.9% 1 in 1,000. A flat line is a model"
                        + " whose worst case looks like its typical case; a cliff is a stall. Samples: " + counts
                        + ". Source: " + group.stream().map(LatencyLog::file).collect(Collectors.joining(", "))
                        + " in histograms/.");
    }


    /**
     * {@code log10(1/(1-p))} back to a percentile, for whole decades only: 0 -> 0%, 1 -> 90%,
     * 2 -> 99%, 3 -> 99.9%; other ticks get no label.
     */
    static String percentileLabel(double decades) {
        long d = Math.round(decades);
        if (Math.abs(decades - d) > 1e-6 || d < 0) {
            return " ";
        }
        if (d == 0) {
            return "0%";
        }
        double p = 100 * (1 - Math.pow(10, -d));
        return String.format(Locale.ROOT, "%." + Math.max(0, d - 2) + "f%%", p);
    }

    /** Lateness over time for one disturbance of the preemption scenario, or empty with no logs. */
    static Optional<Figure> heartbeat(List<LatencyLog> logs, String disturbance, ChartWriter out) throws IOException {
        List<LatencyLog> group = logs.stream()
                .filter(l -> l.scenario().equals("preemption") && l.variant().equals(disturbance))
                .sorted(java.util.Comparator.comparingInt(LatencyCharts::rank)
                        .thenComparing(LatencyLog::label)).toList();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartWriter.xy("Heartbeat lateness over time, disturbance " + disturbance,
                "time since the first interval (s)", "worst lateness in the interval (ms, log)");
        chart.getStyler().setYAxisLogarithmic(true);
        for (LatencyLog log : group) {
            List<Point> points = log.intervals().stream()
                    .map(i -> new Point(log.secondsToStartOf(i), Math.max(i.maxMs(), 1e-3), Double.NaN)).toList();
            Lines.add(chart, log.label(), points, false);
        }
        String name = disturbance.equals("blocking-sleep") ? ChartNames.HEARTBEAT_BLOCKING
                : disturbance.equals("cpu-hog") ? ChartNames.HEARTBEAT_CPU_HOG : "heartbeat-" + disturbance;
        String meaning = switch (disturbance) {
            case "cpu-hog" -> " A CPU hog runs beside a 10 ms heartbeat: a cooperative scheduler (the loop, virtual"
                    + " threads on one carrier) cannot preempt it, so the heartbeat waits for the hog; offloaded"
                    + " work and preempted platform threads leave it on time.";
            case "blocking-sleep" -> " A task makes a blocking sleep call: on the loop it freezes every other task"
                    + " (the seed's time.sleep pitfall); on threads it blocks only its own thread.";
            default -> "";
        };
        return Optional.of(out.write(chart, name, "Heartbeat lateness over time: " + disturbance,
                "Each point is the worst lateness of a 10 ms heartbeat in one interval of the histogram log (ms, log"
                        + " axis; a JMH iteration on the JVM, one shot on CPython)." + meaning + " Series: "
                        + group.stream().map(LatencyLog::label).collect(Collectors.joining(", ")) + ". Source: " + group.stream().map(LatencyLog::file)
                        .collect(Collectors.joining(", ")) + " in histograms/."));
    }
}
