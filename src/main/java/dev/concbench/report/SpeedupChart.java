package dev.concbench.report;

import dev.concbench.claims.ChartNames;
import dev.concbench.claims.RunData;
import dev.concbench.report.SeriesTable.Point;
import dev.concbench.results.Measure;
import dev.concbench.vocab.ModelParams;
import java.awt.BasicStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * CPU speed-up against workers per model ({@code cpu-bound}: {@code time(1) / time(N)} of the same
 * model), with the ideal line {@code min(N, cores)} and the 1 x a GIL allows.
 */
final class SpeedupChart {

    private SpeedupChart() {
    }

    static Optional<Figure> draw(RunData data, ChartWriter out) throws IOException {
        SeriesTable time = SeriesTable.of(data.summary(), "cpu-bound", "time", "workers", Set.of(ModelParams.OFFLOAD), r -> true);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartWriter.xy("CPU-bound speed-up against workers", "workers",
                "speed-up: time(1 worker) / time(N)");
        double maxWorkers = 1;
        for (var e : time.series().entrySet()) {
            List<Point> points = e.getValue();
            Optional<Point> one = points.stream().filter(p -> p.x() == 1).findFirst();
            if (one.isEmpty()) {
                continue;
            }
            List<Point> speedups = new ArrayList<>();
            for (Point p : points) {
                Measure s = measure(one.get(), time.unit()).over(measure(p, time.unit()));
                speedups.add(new Point(p.x(), s.value(), s.error()));
                maxWorkers = Math.max(maxWorkers, p.x());
            }
            Lines.add(chart, e.getKey(), speedups, false);
        }
        int cores = data.env().map(env -> env.cores()).orElse(0);
        double[] x = {1, maxWorkers};
        if (cores > 0) {
            double[] ideal = new double[(int) maxWorkers];
            double[] at = new double[(int) maxWorkers];
            for (int n = 1; n <= maxWorkers; n++) {
                at[n - 1] = n;
                ideal[n - 1] = Math.min(n, cores);
            }
            Lines.reference(chart, "ideal: min(N, " + cores + " cores)", at, ideal, new BasicStroke(1.5f));
        }
        Lines.reference(chart, "what a GIL allows: 1 x", x, new double[] {1, 1}, new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f));
        String coresText = cores > 0 ? cores + " cores" : "an unknown number of cores (env.json missing)";
        return Optional.of(out.write(chart, ChartNames.CPU_SPEEDUP, "CPU-bound: speed-up against workers",
                "A fixed amount of CPU work split into N tasks, per model, on " + coresText + ". Speed-up is the"
                        + " model's own time with 1 worker over its time with N (error bars propagated from JMH's)."
                        + " The solid grey line is the ideal; the dotted line is the 1 x a GIL would allow. The event"
                        + " loop is one thread, so it stays at 1 x unless it offloads." + time.guardedNote()));
    }

    private static Measure measure(Point p, String unit) {
        return new Measure(p.y(), p.error(), unit);
    }
}
