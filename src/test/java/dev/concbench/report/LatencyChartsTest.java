package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.IoLoadBenchmark;
import dev.concbench.bench.PreemptionBenchmark;
import dev.concbench.bench.ScalabilityBenchmark;
import dev.concbench.claims.ChartNames;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts read from histogram logs draw the CPython side's logs beside the JVM's: a log named as the
 * JVM benchmark names its own is one more series of the heartbeat chart and the spectra.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LatencyChartsTest {

    @TempDir
    Path dir;

    /** A log of {@code values} milliseconds in two shots, as run/CPythonLogs records the CPython side's. */
    private void log(LogIdentity id, double... values) throws Exception {
        LatencyRecorder log = new LatencyRecorder(id);
        long start = System.currentTimeMillis() - 10_000;
        for (int shot = 0; shot < 2; shot++) {
            for (double ms : values) {
                log.record(Math.round(ms * 1e6));
            }
            log.endInterval(start + shot * 1000L, start + shot * 1000L + 250);
        }
        log.write(dir.resolve("histograms"));
    }

    private List<LatencyLog> logs() throws Exception {
        Files.createDirectories(dir.resolve("histograms"));
        log(PreemptionBenchmark.logIdentity("eventloop", null, "cpu-hog"), 0.1, 200);
        log(PreemptionBenchmark.logIdentity("python-asyncio", null, "cpu-hog"), 0.2, 201, 3);
        log(IoLoadBenchmark.logIdentity("virtual", "100", "200"), 100, 101);
        log(IoLoadBenchmark.logIdentity("python-threads", "100", "200"), 102, 140);
        log(ScalabilityBenchmark.logIdentity("thread-per-task", "sleep", "1000"), 100, 130);
        log(ScalabilityBenchmark.logIdentity("python-uvloop", "sleep", "1000"), 101, 120);
        List<String> notes = new ArrayList<>();
        List<LatencyLog> logs = LatencyLog.readAll(dir.resolve("histograms"), notes);
        assertEquals(List.of(), notes);
        return logs;
    }

    @Test
    void theHeartbeatChartListsTheCPythonSeries() throws Exception {
        Figure f = LatencyCharts.heartbeat(logs(), "cpu-hog", new ChartWriter(dir.resolve("report"))).orElseThrow();
        assertEquals(ChartNames.HEARTBEAT_CPU_HOG, f.name());
        assertTrue(f.caption().contains("Series: eventloop, python-asyncio."), f.caption());
        assertTrue(f.caption().contains("preemption-python-asyncio-cpu-hog.hlog"), f.caption());
        assertTrue(Files.size(dir.resolve("report").resolve(f.png())) > 0);
    }

    @Test
    void everySpectrumListsItsCPythonSeriesWithItsSampleCount() throws Exception {
        List<Figure> spectra = LatencyCharts.spectra(logs(), new ChartWriter(dir.resolve("report")));
        assertEquals(List.of("spectrum-preemption-cpu-hog", "spectrum-io-load-200", "spectrum-scalability-1000"),
                spectra.stream().map(Figure::name).toList());
        assertTrue(spectra.get(0).caption().contains("python-asyncio 6"), spectra.get(0).caption());
        assertTrue(spectra.get(1).caption().contains("virtual (delayMs=100) 4, python-threads (delayMs=100) 4"), spectra.get(1).caption());
        assertTrue(spectra.get(2).caption().contains("thread-per-task (work=sleep) 4, python-uvloop (work=sleep) 4"), spectra.get(2).caption());
    }
}
