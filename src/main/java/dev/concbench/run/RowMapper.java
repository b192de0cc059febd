package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.results.ResultRow;
import dev.concbench.scenario.MetricSpec;
import dev.concbench.vocab.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Maps JMH's results for one {@link PlanItem} to {@code summary.json} rows: one row per declared
 * metric found (the primary score or a secondary result), with JMH's error and sample count, each
 * fork's raw iteration values, the
 * parameters the scenario swept or the model set, and the guards the benchmark's evidence calls for.
 * Pure function; any thread.
 */
public final class RowMapper {

    private RowMapper() {}

    /**
     * The rows of one JMH benchmark run.
     *
     * @param item   what was run
     * @param result JMH's result of one parameter combination of it
     */
    public static List<ResultRow> rows(PlanItem item, RunResult result) {
        BenchmarkParams bp = result.getParams();
        String fullName = bp.getBenchmark();
        String method = fullName.substring(fullName.lastIndexOf('.') + 1);
        String benchmark = item.scenario().benchmarkClass() + "." + method;
        Map<String, String> params = new TreeMap<>();
        for (String key : item.params().keySet()) {
            params.put(key, bp.getParam(key));
        }
        params.putAll(item.model().params());
        String methodParam = methodParam(item);
        if (!methodParam.isEmpty()) {
            params.put(methodParam, method);
        }
        String model = bp.getParam(BenchmarkCatalog.MODEL_PARAM);
        List<String> guards = guards(item, result);
        List<ResultRow> rows = new ArrayList<>();
        for (MetricSpec m : item.scenario().metrics()) {
            Result<?> r = m.primary() ? result.getPrimaryResult() : result.getSecondaryResults().get(m.source());
            if (r == null) {
                continue;
            }
            rows.add(new ResultRow(item.scenario().name(), benchmark, model, params, m.name(), r.getScore(),
                    unit(m, r.getScoreUnit()), r.getScoreError(), r.getSampleCount(), m.better(), guards,
                    perFork(m, result)));
        }
        return rows;
    }

    /**
     * Each fork's measurement-iteration values of metric {@code m} (the primary score or the
     * secondary result of that label), forks in run order: the raw samples the gate resamples.
     */
    static List<List<Double>> perFork(MetricSpec m, RunResult result) {
        List<List<Double>> forks = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            List<Double> values = new ArrayList<>();
            for (IterationResult it : fork.getIterationResults()) {
                Result<?> r = m.primary() ? it.getPrimaryResult() : it.getSecondaryResults().get(m.source());
                if (r != null) {
                    values.add(r.getScore());
                }
            }
            if (!values.isEmpty()) {
                forks.add(values);
            }
        }
        return forks;
    }

    /**
     * The scenario's unit when JMH's says the same ({@code ms/op} for a single-shot {@code ms}),
     * otherwise JMH's: a row never carries a unit its value is not in.
     */
    static String unit(MetricSpec m, String jmhUnit) {
        return jmhUnit.equals(m.unit()) || jmhUnit.equals(m.unit() + "/op") ? m.unit() : jmhUnit;
    }

    private static String methodParam(PlanItem item) {
        return item.methods() > 1 || item.scenario().benchmark().endsWith(".*")
                ? item.scenario().methodParam() : "";
    }

    private static List<String> guards(PlanItem item, RunResult result) {
        List<String> guards = new ArrayList<>();
        long samples = result.getPrimaryResult().getSampleCount();
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            if (!e.getKey().startsWith(IterationMetrics.GUARD_PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(IterationMetrics.GUARD_PREFIX.length());
            long count = Math.round(e.getValue().getScore());
            if (Guard.voids(name, count, samples)) {
                guards.add(Guard.note(name, count));
            }
        }
        long expected = (long) item.settings().forks() * item.settings().iterations();
        long got = result.getPrimaryResult().getSampleCount();
        if (got < expected && !isThroughputLike(result)) {
            guards.add(Guard.missingIterations(got, expected));
        }
        return guards;
    }

    /** Average-time scores count iterations as samples; JMH's other modes may count differently. */
    private static boolean isThroughputLike(RunResult result) {
        return !(result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.AverageTime
                || result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime);
    }
}
