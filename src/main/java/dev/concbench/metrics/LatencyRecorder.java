package dev.concbench.metrics;

import dev.concbench.results.LogIdentity;
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
 * {@link #write} records the unit in the log's comment, and the benchmark's {@link LogIdentity}
 * (scenario, model, parameters) in its header, which is how the report knows whose log it is.
 *
 * <p>Any thread may record; {@code endInterval} and {@code write} are called by one thread (the
 * benchmark's) at a time.
 */
public final class LatencyRecorder {

    /**
     * The system property that tells a benchmark fork where histogram logs go
     * ({@code results/<run-id>/histograms}); absent means "do not write logs".
     */
    public static final String DIR_PROPERTY = "concbench.histograms";

    /** Three significant digits: 0.1% resolution over the whole range. */
    private static final int DIGITS = 3;

    private final LogIdentity identity;
    // the log's start must not be later than the recorder's first interval, or readers drop it
    private long startMillis = System.currentTimeMillis();
    private final Recorder recorder = new Recorder(DIGITS);
    private final List<Histogram> intervals = new ArrayList<>();

    /** @param identity whose latencies these are; written into the log's header */
    public LatencyRecorder(LogIdentity identity) {
        this.identity = identity;
    }

    /** Whose latencies these are. */
    public LogIdentity identity() {
        return identity;
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

    /**
     * Closes the current interval as one that ran from {@code startMillis} to {@code endMillis} (epoch
     * ms): for values measured elsewhere and recorded afterwards (a CPython shot, run/CPythonLogs), whose
     * interval is when they were measured, not when they were recorded. The log starts no later than it.
     */
    public Histogram endInterval(long startMillis, long endMillis) {
        Histogram h = endInterval();
        h.setStartTimeStamp(startMillis);
        h.setEndTimeStamp(endMillis);
        this.startMillis = Math.min(this.startMillis, startMillis);
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
     * Writes the closed intervals into {@code dir} atomically as {@code <stem>.hlog} ({@link
     * LogIdentity#fileStem()}); when an earlier fork already wrote that file, as {@code
     * <stem>.fork<k>.hlog} with the first free k >= 2. The name is for people: readers go by the header.
     *
     * @return the file written
     */
    public Path write(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(bytes);
        writer.outputComment(identity.comment());
        writer.outputComment("concbench " + identity.fileStem() + ": latencies in nanoseconds");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
        for (Histogram h : intervals) {
            writer.outputIntervalHistogram(h);
        }
        writer.close();
        String stem = identity.fileStem();
        Path target = dir.resolve(stem + ".hlog");
        for (int k = 2; Files.exists(target); k++) {
            target = dir.resolve(stem + ".fork" + k + ".hlog");
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
