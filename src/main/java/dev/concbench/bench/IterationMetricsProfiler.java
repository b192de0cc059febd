package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Hands the values a benchmark published during an iteration ({@link IterationMetrics}) to JMH as
 * secondary results. JMH instantiates it inside each fork and calls it on its own thread between
 * iterations, after the iteration's tear-down.
 */
public final class IterationMetricsProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "concbench: values published by the benchmark (memory per unit, percentiles, guards)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // values published before the iteration started (set-up, warm-up) belong to no iteration
        IterationMetrics.drain();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        List<Result> out = new ArrayList<>();
        for (IterationMetrics.Value v : IterationMetrics.drain()) {
            out.add(new ScalarResult(v.label(), v.value(), v.unit(), policy(v.aggregation())));
        }
        return out;
    }

    private static AggregationPolicy policy(IterationMetrics.Aggregation a) {
        return switch (a) {
            case MEAN -> AggregationPolicy.AVG;
            case MAX -> AggregationPolicy.MAX;
            case SUM -> AggregationPolicy.SUM;
        };
    }
}
