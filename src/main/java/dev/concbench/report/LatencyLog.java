package dev.concbench.report;

import dev.concbench.results.LogIdentity;
import dev.concbench.results.ResultsFormatException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One benchmark's histogram log ({@code histograms/*.hlog}), read back: whose it is (from the
 * {@link LogIdentity} in its header, never from its file name), the whole run's distribution and
 * each interval's worst value, in milliseconds.
 *
 * <p>Values are read as nanoseconds, HdrHistogram's convention (its {@code HistogramLogProcessor}
 * divides by 10^6 for milliseconds by default).
 *
 * @param file      the file's name, e.g. {@code preemption-eventloop-cpu-hog.hlog} (forks: several, joined)
 * @param identity  scenario, model and parameters, from the header
 * @param total     every interval added together
 * @param intervals each interval: when it started (epoch ms) and its max and p99 in ms, in time order
 */
public record LatencyLog(String file, LogIdentity identity, Histogram total, List<Interval> intervals) {

    /** Nanoseconds per millisecond: recorded values are nanoseconds. */
    public static final double NANOS_PER_MS = 1e6;

    /** One interval of the log: its start (epoch ms) and its worst and p99 values in milliseconds. */
    public record Interval(long startMs, double maxMs, double p99Ms) {
    }

    /** The scenario, e.g. {@code preemption}. */
    public String scenario() {
        return identity.scenario();
    }

    /** The model, e.g. {@code virtual}. */
    public String model() {
        return identity.model();
    }

    /** The swept parameter's value, e.g. {@code cpu-hog} or {@code 2000}. */
    public String variant() {
        return identity.variant();
    }

    /**
     * The series this log draws: its model, with its other fixed parameters in brackets, e.g.
     * {@code virtual (carriers=1)}, as {@link SeriesTable} labels rows.
     */
    public String label() {
        String extra = identity.fixed().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return extra.isEmpty() ? model() : model() + " (" + extra + ")";
    }

    /** Seconds from the first interval's start to {@code i}'s. */
    public double secondsToStartOf(Interval i) {
        return (i.startMs() - intervals.getFirst().startMs()) / 1000.0;
    }

    /** This log and another fork's log of the same benchmark as one: totals added, intervals in time order. */
    public LatencyLog merge(LatencyLog other) {
        Histogram both = total.copy();
        both.add(other.total);
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        all.sort(Comparator.comparingLong(Interval::startMs));
        return new LatencyLog(file + ", " + other.file, identity, both, List.copyOf(all));
    }

    /**
     * Every log in {@code dir}, the forks of one benchmark (same identity) merged. A log that cannot
     * be read costs only itself: its reason goes into {@code notes}, one line; logs without an
     * identity header (written before logs carried one) get one line together.
     */
    public static List<LatencyLog> readAll(Path dir, List<String> notes) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<LogIdentity, LatencyLog> logs = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".hlog")).sorted().toList()) {
                try {
                    var id = LogIdentity.read(p);
                    if (id.isEmpty()) {
                        unnamed.add(p.getFileName().toString());
                        continue;
                    }
                    LatencyLog log = read(p, id.get());
                    logs.merge(log.identity(), log, LatencyLog::merge);
                } catch (ResultsFormatException e) {
                    notes.add(e.getMessage());
                }
            }
        }
        if (!unnamed.isEmpty()) {
            notes.add(dir + ": " + unnamed.size() + " histogram log(s) have no '#" + LogIdentity.TAG.strip()
                    + "' header (written by an older concbench), so their charts are not drawn; re-run to get"
                    + " them (e.g. " + unnamed.getFirst() + ")");
        }
        return List.copyOf(logs.values());
    }

    /**
     * Reads one log whose identity is known.
     *
     * @throws ResultsFormatException when the file holds no readable interval
     */
    static LatencyLog read(Path path, LogIdentity identity) throws ResultsFormatException {
        Histogram total = new Histogram(3);
        List<Interval> intervals = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(path.toFile());
            while (reader.hasNext()) {
                EncodableHistogram h = reader.nextIntervalHistogram();
                if (!(h instanceof AbstractHistogram hist)) {
                    throw new ResultsFormatException(path + ": holds " + h.getClass().getSimpleName()
                            + " intervals; expected integer (nanosecond) histograms");
                }
                total.add(hist);
                intervals.add(new Interval(hist.getStartTimeStamp(), hist.getMaxValue() / NANOS_PER_MS,
                        hist.getValueAtPercentile(99) / NANOS_PER_MS));
            }
        } catch (FileNotFoundException e) {
            throw new ResultsFormatException(path + ": missing");
        } catch (RuntimeException e) {
            throw new ResultsFormatException(path + ": unreadable histogram log (" + e + ")");
        }
        if (intervals.isEmpty()) {
            throw new ResultsFormatException(path + ": holds no interval histogram");
        }
        return new LatencyLog(path.getFileName().toString(), identity, total, List.copyOf(intervals));
    }
}
