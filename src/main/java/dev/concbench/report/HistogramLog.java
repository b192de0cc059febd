package dev.concbench.report;

import dev.concbench.results.ResultsFormatException;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One {@code histograms/<scenario>-<label>-<variant>.hlog} file, read back: the whole run's
 * distribution and each interval's worst value, in milliseconds.
 *
 * <p>Values are read as nanoseconds, HdrHistogram's convention (its {@code HistogramLogProcessor}
 * divides by 10^6 for milliseconds by default).
 *
 * @param file      the file's name, e.g. {@code preemption-eventloop-cpu-hog.hlog}
 * @param scenario  e.g. {@code preemption}
 * @param label     what ran, e.g. {@code eventloop} or {@code virtual-carriers1}
 * @param variant   the varied parameter's value, e.g. {@code cpu-hog} or {@code 2000}
 * @param total     every interval added together
 * @param intervals each interval: when it started (epoch ms) and its max and p99 in ms, in time order
 */
public record HistogramLog(String file, String scenario, String label, String variant, Histogram total,
        List<Interval> intervals) {

    /** Nanoseconds per millisecond: recorded values are nanoseconds. */
    public static final double NANOS_PER_MS = 1e6;
    static final List<String> SCENARIOS = List.of("preemption", "io-load", "scalability", "http-server");
    static final Set<String> DISTURBANCES = Set.of("none", "cpu-hog", "blocking-sleep");

    /** One interval of the log: its start (epoch ms) and its worst and p99 values in milliseconds. */
    public record Interval(long startMs, double maxMs, double p99Ms) {
    }

    /** Seconds from the first interval's start to {@code i}'s. */
    public double secondsToStartOf(Interval i) {
        return (i.startMs() - intervals.getFirst().startMs()) / 1000.0;
    }

    /** This log and another fork's log of the same benchmark as one: totals added, intervals in time order. */
    public HistogramLog merge(HistogramLog other) {
        Histogram both = total.copy();
        both.add(other.total);
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        all.sort(java.util.Comparator.comparingLong(Interval::startMs));
        return new HistogramLog(file + ", " + other.file, scenario, label, variant, both, List.copyOf(all));
    }

    /** The identity forks share: scenario, label and variant. */
    public String key() {
        return scenario + "|" + label + "|" + variant;
    }

    /** The value at a percentile of the whole log, in ms. */
    public double percentileMs(double percentile) {
        return total.getValueAtPercentile(percentile) / NANOS_PER_MS;
    }

    /**
     * Reads one log.
     *
     * @throws ResultsFormatException when the name does not follow {@code <scenario>-<label>-<variant>.hlog}
     *                                or the file holds no readable interval
     */
    public static HistogramLog read(Path path) throws ResultsFormatException {
        String name = path.getFileName().toString();
        // a second JMH fork of the same benchmark writes <name>.fork<k>.hlog
        String stem = name.substring(0, name.length() - ".hlog".length()).replaceFirst("\\.fork\\d+$", "");
        String scenario = SCENARIOS.stream().filter(s -> stem.startsWith(s + "-")).findFirst()
                .orElseThrow(() -> new ResultsFormatException(path + ": not named <scenario>-<model>-<variant>.hlog"));
        String rest = stem.substring(scenario.length() + 1);
        String variant = DISTURBANCES.stream().filter(d -> rest.endsWith("-" + d)).findFirst()
                .orElse(rest.substring(rest.lastIndexOf('-') + 1));
        if (variant.length() >= rest.length()) {
            throw new ResultsFormatException(path + ": not named <scenario>-<model>-<variant>.hlog");
        }
        String label = rest.substring(0, rest.length() - variant.length() - 1);

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
        return new HistogramLog(name, scenario, label, variant, total, List.copyOf(intervals));
    }
}
