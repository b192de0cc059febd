package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concbench.metrics.IterationMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scalability's latency is per shot: each shot publishes its own percentiles of the time since its
 * gate opened (the run then averages them over shots, with an error across shots), never one
 * percentile pooled over every shot, and never the time since the first task was created.
 */
class GateLatencyTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void eachShotPublishesItsOwnPercentilesFromTheGate() {
        IterationMetrics.drain();
        GateLatency fromGate = new GateLatency();
        long[] shotMillis = {100, 200, 400};
        long clock = 1_000_000 * MS;
        for (long ms : shotMillis) {
            // creation took 7 s before the gate: none of it is in the figures
            clock += 7_000 * MS;
            fromGate.opened(clock);
            for (int task = 0; task < 100; task++) {
                fromGate.completed(clock + ms * MS);
            }
            clock += ms * MS;
            fromGate.endShot();
        }
        List<IterationMetrics.Value> p99s = IterationMetrics.drain().stream()
                .filter(v -> v.label().equals("latencyFromGate.p99")).toList();
        assertEquals(3, p99s.size(), "one p99 per shot: " + p99s);
        for (int i = 0; i < shotMillis.length; i++) {
            assertEquals(shotMillis[i], p99s.get(i).value(), shotMillis[i] * 0.001, "shot " + i);
            assertEquals("ms", p99s.get(i).unit());
            assertEquals(IterationMetrics.Aggregation.MEAN, p99s.get(i).aggregation(), "averaged over shots");
        }
    }
}
