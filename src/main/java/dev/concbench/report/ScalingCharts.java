package dev.concbench.report;

import dev.concbench.claims.BestForRule;
import dev.concbench.claims.ChartNames;
import dev.concbench.results.Measure;
import dev.concbench.claims.ModelScaling;
import dev.concbench.claims.RunData;
import dev.concbench.report.SeriesTable.Point;
import dev.concbench.results.ResultRow;
import dev.concbench.vocab.ModelParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * Charts against concurrency: throughput, p99 and the cost of creating one task against the number
 * of tasks ({@code scalability}, log x, the point where platform threads failed to start marked),
 * request p99 against the
 * arrival rate ({@code io-load}), and memory per unit against the number of units ({@code memory},
 * resident solid, reserved dashed).
 */
final class ScalingCharts {

    private static final Set<String> POOL_PARAMS = Set.of(ModelParams.POOL_SIZE, "work", "delayMs", ModelParams.OFFLOAD);

    private ScalingCharts() {
    }

    static List<Figure> scalability(RunData data, ChartWriter out) throws IOException {
        Optional<String> work = ModelScaling.work(data);
        if (work.isEmpty()) {
            return List.of();
        }
        Predicate<ResultRow> sameWork = r -> work.get().equals(r.params().get("work"));
        List<Failure> failures = failures(data, sameWork);
        List<Figure> figures = new ArrayList<>();
        // the p99 the verdict reads (from the gate opening) when the run has it; older runs' p99 from the start
        SeriesTable fromGate = SeriesTable.of(data.summary(), "scalability", ModelScaling.P99, "tasks", POOL_PARAMS,
                sameWork);
        boolean gate = !fromGate.isEmpty();
        SeriesTable p99 = gate ? fromGate
                : SeriesTable.of(data.summary(), "scalability", "p99", "tasks", POOL_PARAMS, sameWork);
        if (!p99.isEmpty()) {
            XYChart chart = logLog("p99 latency against concurrency (work: " + work.get() + ")",
                    "p99 (" + p99.unit() + ", log)", p99);
            mark(chart, failures, p99);
            figures.add(out.write(chart, ChartNames.SCALABILITY_P99, "Scalability: p99 against concurrency",
                    "Each task " + work.get() + "s; p99 of the task latencies" + (gate ? ", timed from the moment the"
                            + " start gate opens (creating the tasks is not in it)" : ", timed from before the first"
                            + " task was created") + ", one line per model (log axes)."
                            + " A model breaks where its line leaves the flat: the seed says the loop holds beyond"
                            + " 10,000 tasks and threads give out after a few thousand." + failureNote(failures)
                            + p99.guardedNote()));
        }
        SeriesTable tput = SeriesTable.of(data.summary(), "scalability", "throughput", "tasks", POOL_PARAMS, sameWork);
        if (!tput.isEmpty()) {
            XYChart chart = logLog("Throughput against concurrency (work: " + work.get() + ")",
                    "throughput (" + tput.unit() + ", log)", tput);
            mark(chart, failures, tput);
            figures.add(out.write(chart, ChartNames.SCALABILITY_THROUGHPUT, "Scalability: throughput against"
                            + " concurrency", "Tasks completed per second, one line per model, error bars from JMH"
                            + " (log axes). A model that scales keeps the line rising with the task count."
                            + failureNote(failures) + tput.guardedNote()));
        }
        SeriesTable create = SeriesTable.of(data.summary(), "scalability", ModelScaling.CREATE_COST, "tasks",
                POOL_PARAMS, sameWork);
        if (!create.isEmpty()) {
            XYChart chart = logLog("Creating one task against concurrency (work: " + work.get() + ")",
                    "create and start one task (" + create.unit() + ", log)", create);
            figures.add(out.write(chart, ChartNames.SCALABILITY_CREATE_COST, "Scalability: the cost of creating a"
                            + " task", "Time to create and start the shot's tasks one after another, per task, before"
                            + " the start gate opens: the thread factory's cost, kept out of the p99 above. N tasks"
                            + " started in series take N times this; error bars from JMH (log axes)."
                            + create.guardedNote()));
        }
        return figures;
    }

    /** A chart of {@code table} against the task count, both axes logarithmic. */
    private static XYChart logLog(String title, String yAxis, SeriesTable table) {
        XYChart chart = ChartWriter.xy(title, "concurrent tasks (log)", yAxis);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Lines.addAll(chart, table);
        return chart;
    }

    /** Where a model's threads failed to start: at {@code tasks}, after {@code started}. */
    private record Failure(String model, double tasks, double started) {
    }

    private static List<Failure> failures(RunData data, Predicate<ResultRow> filter) {
        return data.summary().rows("scalability").stream()
                .filter(r -> r.metric().equals("startFailure") && filter.test(r))
                .map(r -> new Failure(r.model(), Double.parseDouble(r.params().get("tasks")), r.value()))
                .toList();
    }

    private static void mark(XYChart chart, List<Failure> failures, SeriesTable table) {
        double top = table.series().values().stream().flatMap(List::stream).mapToDouble(Point::y).max().orElse(1);
        for (Failure f : failures) {
            chart.addAnnotation(new AnnotationLine(f.tasks(), true, false));
            // left of the line, so the text stays inside the plot at the right edge
            chart.addAnnotation(new AnnotationText(f.model() + ": threads failed to start here \u2192",
                    f.tasks() / 4, top, false));
        }
    }

    private static String failureNote(List<Failure> failures) {
        return failures.stream().map(f -> " The vertical line marks where " + f.model()
                + " failed to start threads: at " + Measure.number(f.tasks()) + " tasks, after "
                + Measure.number(f.started()) + " had started.").reduce("", String::concat);
    }

    static Optional<Figure> ioLoad(RunData data, ChartWriter out) throws IOException {
        SeriesTable p99 = SeriesTable.of(data.summary(), "io-load", "latency.p99", "rate", POOL_PARAMS, r -> true);
        if (p99.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartWriter.xy("I/O under open-loop load: p99 against arrival rate",
                "arrival rate (req/s, log)", "p99 latency (" + p99.unit() + ", log)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Lines.addAll(chart, p99);
        String bound = markSustainedBound(chart, data, p99);
        return Optional.of(out.write(chart, ChartNames.IO_LOAD, "I/O-bound: p99 against arrival rate",
                "Requests to the loopback delay server at a constant arrival rate, latency measured from each"
                        + " request's intended send time (no coordinated omission), the mean of the per-shot p99"
                        + " with its error across shots. The knee, where a line shoots up, is the rate a model"
                        + " cannot keep up with; a bounded pool queues (Little's law: poolSize / delay requests per"
                        + " second at most)." + bound + fellBehind(data) + p99.guardedNote()));
    }

    /**
     * The horizontal line the "best for" rule holds each p99 to ({@link BestForRule#P99_BOUND} x the server
     * delay): a rate is sustained where a model's p99 lies wholly below it. Drawn when the run used one delay.
     */
    private static String markSustainedBound(XYChart chart, RunData data, SeriesTable p99) {
        List<String> delays = data.summary().rows("io-load").stream().map(r -> r.params().get("delayMs"))
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (delays.size() != 1) {
            return "";
        }
        double bound = BestForRule.P99_BOUND * Double.parseDouble(delays.getFirst());
        double left = p99.series().values().stream().flatMap(List::stream).mapToDouble(Point::x).min().orElse(1);
        chart.addAnnotation(new AnnotationLine(bound, false, false));
        chart.addAnnotation(new AnnotationText("sustained below " + Measure.number(bound) + " ms", left * 1.6, bound * 1.08,
                false));
        return " The horizontal line is the bound the verdict holds a sustained rate to: p99 wholly under "
                + Measure.number(BestForRule.P99_BOUND) + " x the server delay (" + Measure.number(bound) + " ms).";
    }

    /** Where each model left requests unfinished at the end of a shot's drain window, as a sentence. */
    private static String fellBehind(RunData data) {
        List<String> where = data.summary().rows("io-load").stream()
                .filter(r -> r.metric().equals("notCompleted") && r.value() > 0)
                .map(r -> r.model() + " at " + r.params().get("rate") + " req/s (" + Measure.number(r.value())
                        + " a shot)")
                .toList();
        return where.isEmpty() ? " Every model finished every request within each shot's drain window."
                : " Requests still running when a shot's drain window closed: " + String.join(", ", where) + ".";
    }

    static Optional<Figure> memory(RunData data, ChartWriter out) throws IOException {
        SeriesTable rss = SeriesTable.of(data.summary(), "memory", "rssPerUnit", "units", POOL_PARAMS, r -> true);
        SeriesTable vm = SeriesTable.of(data.summary(), "memory", "vmSizePerUnit", "units", POOL_PARAMS, r -> true);
        if (rss.isEmpty() && vm.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartWriter.xy("Memory per waiting unit: resident and reserved", "waiting units (log)",
                "bytes per unit (log)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        List<String> notDrawn = new ArrayList<>();
        rss.series().forEach((label, points) -> addPositive(chart, label + " resident", points, false, notDrawn));
        vm.series().forEach((label, points) -> addPositive(chart, label + " reserved", points, true, notDrawn));
        String zero = notDrawn.isEmpty() ? "" : " Not drawn, as a log axis has no 0: " + String.join(", ", notDrawn)
                + " (0 bytes or less per unit: the process's figure did not grow with the units).";
        return Optional.of(out.write(chart, ChartNames.MEMORY, "Memory per unit: resident (RSS) and reserved (VmSize)",
                "Per waiting task, loop callback or thread: solid lines are resident memory (RSS, pages really"
                        + " used), dashed lines are reserved address space (VmSize). The seed's ~8 MB per thread is a"
                        + " reservation, so compare it with the dashed lines." + zero + rss.guardedNote()));
    }

    /**
     * Draws the points above 0 bytes; a point at or below 0 (a loop's tasks reserve no address space of
     * their own) has no place on a log axis, so it is named in {@code notDrawn} instead of drawn at some
     * other value.
     */
    private static void addPositive(XYChart chart, String label, List<Point> bytes, boolean dashed, List<String> notDrawn) {
        List<Point> drawn = bytes.stream().filter(p -> p.y() > 0).toList();
        bytes.stream().filter(p -> p.y() <= 0)
                .forEach(p -> notDrawn.add(label + " at " + Measure.number(p.x()) + " units (" + Measure.number(p.y()) + " B)"));
        if (!drawn.isEmpty()) {
            Lines.add(chart, label, drawn, dashed);
        }
    }
}
