package dev.concbench.metrics;

import dev.concbench.results.ResultsDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A latency log in the making: the hot path records into a {@link Recorder}; {@link #endInterval}
 * closes an interval (one per JMH iteration); {@link #write} writes every interval as an HdrHistogram
 * interval log that {@code HistogramLogProcessor} reads. Values are recorded in nanoseconds;
 * {@link #write} records the unit in the log's comment.
 *
 * <p>Any thread may record; {@code endInterval} and {@code write} are called by one thread (the
 * benchmark's) at a time.
 */
public final class HistogramLog {

    /**
     * The system property that tells a benchmark fork where histogram logs go
     * ({@code results/<run-id>/histograms}); absent means "do not write logs".
     */
    public static final String DIR_PROPERTY = "concbench.histograms";

    /** Three significant digits: 0.1% resolution over the whole range. */
    private static final int DIGITS = 3;

    private final String name;
    // the log's start must not be later than the recorder's first interval, or readers drop it
    private final long startMillis = System.currentTimeMillis();
    private final Recorder recorder = new Recorder(DIGITS);
    private final List<Histogram> intervals = new ArrayList<>();

    /** @param name the log's file name without {@code .hlog}, e.g. {@code preemption-virtual-cpu-hog} */
    public HistogramLog(String name) {
        this.name = name;
    }

    /** The log's name. */
    public String name() {
        return name;
    }

    /** Records one latency, in nanoseconds (negative values are recorded as 0). */
    public void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** Closes the current interval and returns its histogram (values in nanoseconds). */
    public Histogram endInterval() {
        Histogram h = recorder.getIntervalHistogram();
        intervals.add(h);
        return h;
    }

    /** Every closed interval merged into one histogram (values in nanoseconds). */
    public Histogram total() {
        Histogram all = new Histogram(DIGITS);
        intervals.forEach(all::add);
        return all;
    }

    /** The directory forks write logs to, from {@link #DIR_PROPERTY}, if set. */
    public static Optional<Path> directory() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /**
     * Writes the closed intervals into {@code dir} atomically as {@code <name>.hlog}; when an earlier
     * fork already wrote that file, as {@code <name>.fork<k>.hlog} with the first free k >= 2.
     *
     * @return the file written
     */
    public Path write(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(bytes);
        writer.outputComment("concbench " + name + ": latencies in nanoseconds");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
        for (Histogram h : intervals) {
            writer.outputIntervalHistogram(h);
        }
        writer.close();
        Path target = dir.resolve(name + ".hlog");
        for (int k = 2; Files.exists(target); k++) {
            target = dir.resolve(name + ".fork" + k + ".hlog");
        }
        ResultsDir.writeAtomically(target, bytes.toByteArray());
        return target;
    }

    /** Writes into {@link #directory()} when a run set it; does nothing otherwise. */
    public void writeIfConfigured() throws IOException {
        Optional<Path> dir = directory();
        if (dir.isPresent()) {
            write(dir.get());
        }
    }
}
