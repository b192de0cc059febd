package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.LogIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LatencyRecorderTest {

    @TempDir
    Path dir;

    private static final LogIdentity IO = new LogIdentity("io-load", "virtual", Map.of("rate", "200"), "rate");

    private static LatencyRecorder twoIntervals() {
        LatencyRecorder log = new LatencyRecorder(IO);
        for (int i = 1; i <= 1000; i++) {
            log.record(i * 1_000_000L); // 1..1000 ms
        }
        log.endInterval();
        log.record(5_000_000L);
        log.endInterval();
        return log;
    }

    @Test
    void writesAnIntervalLogThatHdrHistogramReadsBack() throws Exception {
        Path file = twoIntervals().write(dir);
        assertEquals(dir.resolve("io-load-virtual-200.hlog"), file);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            EncodableHistogram first = reader.nextIntervalHistogram();
            EncodableHistogram second = reader.nextIntervalHistogram();
            assertEquals(null, reader.nextIntervalHistogram());
            Histogram h = (Histogram) first;
            assertEquals(1000, h.getTotalCount());
            assertEquals(500_000_000L, h.getValueAtPercentile(50), 500_000_000L * 0.001);
            assertEquals(1, ((Histogram) second).getTotalCount());
        }
    }

    /** The contract: HdrHistogram's own HistogramLogProcessor reads our logs. */
    @Test
    void histogramLogProcessorReadsIt() throws Exception {
        Path file = twoIntervals().write(dir);
        Path out = dir.resolve("processed");
        HistogramLogProcessor processor = new HistogramLogProcessor(new String[] {
                "-i", file.toString(), "-o", out.toString(), "-outputValueUnitRatio", "1000000"});
        processor.run();
        List<String> intervals = Files.readAllLines(out);
        List<String> distribution = Files.readAllLines(Path.of(out + ".hgrm"));
        List<String> rows = intervals.stream().filter(l -> l.contains(" I:")).toList();
        assertEquals(2, rows.size(), "two intervals: " + intervals);
        assertTrue(rows.get(0).contains("I:1000 ") && rows.get(1).contains("I:1 "), rows.toString());
        String max = distribution.stream().filter(l -> l.startsWith("#[Max")).findFirst().orElseThrow();
        assertTrue(max.matches("#\\[Max\\s+=\\s+100[01]\\.\\d+, Total count\\s+=\\s+1001\\]"),
                "max about 1000 ms over 1001 values: " + max);
    }

    @Test
    void aSecondForkDoesNotOverwriteTheFirst() throws Exception {
        Path first = twoIntervals().write(dir);
        Path second = twoIntervals().write(dir);
        assertEquals(dir.resolve("io-load-virtual-200.hlog"), first);
        assertEquals(dir.resolve("io-load-virtual-200.fork2.hlog"), second);
    }

    @Test
    void theHeaderSaysWhoseLogItIsWhateverTheFileIsCalled() throws Exception {
        Path file = twoIntervals().write(dir);
        Path renamed = Files.move(file, dir.resolve("anything-at-all.hlog"));
        assertEquals(Optional.of(IO), LogIdentity.read(renamed));
        assertThrows(IllegalArgumentException.class, () -> new LogIdentity("preemption", "virtual",
                Map.of("carriers", "1"), "disturbance"), "a swept parameter the log does not have");
    }

    /** Values measured elsewhere (a CPython shot) keep the span they were measured in, before the recorder existed. */
    @Test
    void anIntervalRecordedAfterwardsKeepsTheTimeItRanIn() throws Exception {
        long now = System.currentTimeMillis();
        LatencyRecorder log = new LatencyRecorder(IO);
        log.record(2_000_000L);
        log.endInterval(now - 60_000, now - 59_700);
        log.record(3_000_000L);
        log.endInterval(now - 30_000, now - 29_700);
        try (HistogramLogReader reader = new HistogramLogReader(log.write(dir).toFile())) {
            EncodableHistogram first = reader.nextIntervalHistogram();
            EncodableHistogram second = reader.nextIntervalHistogram();
            assertEquals(now - 60_000, first.getStartTimeStamp(), 1, "the first shot's start, not the recording's");
            assertEquals(now - 59_700, first.getEndTimeStamp(), 1);
            assertEquals(now - 30_000, second.getStartTimeStamp(), 1);
            assertEquals(1, ((Histogram) second).getTotalCount());
        }
    }

    @Test
    void totalMergesEveryInterval() {
        assertEquals(1001, twoIntervals().total().getTotalCount());
    }
}
