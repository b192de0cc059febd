package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.IterationMetrics.Aggregation;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every value a shot publishes is that shot's, aggregated as a mean across shots: a maximum too, so
 * {@code lateness.max} is the mean of the per-shot maxima with an error across shots, not one
 * maximum over the run (which has none).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LatencyPublisherTest {

    @Test
    void theShotsMaximumIsAveragedAcrossShots() {
        IterationMetrics.drain();
        Histogram h = new Histogram(3);
        h.recordValue(1_000_000);
        h.recordValue(300_000_000);
        LatencyPublisher.publish("lateness.", h, new double[] {50, 99}, true);
        Map<String, IterationMetrics.Value> values = IterationMetrics.drain().stream()
                .collect(Collectors.toMap(IterationMetrics.Value::label, Function.identity()));
        IterationMetrics.Value max = values.get("lateness.max");
        assertEquals(300.0, max.value(), 0.5, "this shot's maximum, in ms");
        assertEquals(Aggregation.MEAN, max.aggregation(), "the mean of per-shot maxima, with an error across shots");
        assertEquals(Aggregation.MEAN, values.get("lateness.p99").aggregation());
    }
}
