package dev.concbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.bench.IoLoadBenchmark;
import dev.concbench.bench.PreemptionBenchmark;
import dev.concbench.bench.ScalabilityBenchmark;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.RuntimeKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPython side's latency logs: {@code concbench_py} hands each shot's raw values (the per-beat
 * lateness of {@code preemption}, the per-request latency of {@code io-load}, the per-task completion
 * of {@code scalability}) in milliseconds, and they are recorded here into {@link LatencyRecorder}s
 * named as the JVM benchmark of that scenario names its own ({@code logIdentity} of {@link
 * PreemptionBenchmark}, {@link IoLoadBenchmark}, {@link ScalabilityBenchmark}), so the report's
 * heartbeat and spectrum charts draw both runtimes. The HdrHistogram format stays the Java library's.
 *
 * <p>The output's {@code logs}: one entry per parameter combination, its forks, each fork's measured
 * shots, each shot an interval:
 * <pre>{@code
 * {"scenario": "preemption", "model": "python-asyncio", "params": {"disturbance": "cpu-hog", "durationMs": "200"},
 *  "unit": "ms", "forks": [[{"startMs": 1764680000000, "endMs": 1764680000240, "values": [0.12, 198.7]}]]}
 * }</pre>
 */
final class CPythonLogs {

    /** The one unit {@code concbench_py} hands its values in. */
    static final String UNIT = "ms";
    /** Nanoseconds per millisecond: the logs record nanoseconds, as the JVM's do. */
    static final double NANOS_PER_MS = 1e6;

    private CPythonLogs() {
    }

    /**
     * One recorder per fork of every combination in {@code logs}, each shot closed as an interval over
     * the wall-clock span it ran in; written as the JVM's forks are ({@link LatencyRecorder#write}).
     *
     * @throws IOException when an entry is not a CPython model's, is in another unit, or is of a scenario
     *                     whose JVM benchmark writes no log
     */
    static List<LatencyRecorder> read(JsonNode logs) throws IOException {
        List<LatencyRecorder> out = new ArrayList<>();
        for (JsonNode entry : logs) {
            String scenario = entry.path("scenario").asText();
            String model = entry.path("model").asText();
            if (ModelKind.runtimeOf(model) != RuntimeKind.CPYTHON || ModelKind.of(model).isEmpty()) {
                throw new IOException("concbench_py wrote a latency log of model '" + model + "', not a CPython model");
            }
            if (!UNIT.equals(entry.path("unit").asText())) {
                throw new IOException("concbench_py wrote a " + scenario + " latency log in '"
                        + entry.path("unit").asText() + "', expected " + UNIT);
            }
            LogIdentity identity = identity(scenario, model, params(entry.path("params")));
            for (JsonNode fork : entry.path("forks")) {
                out.add(record(identity, fork));
            }
        }
        return out;
    }

    /** One fork's shots as the intervals of one log. */
    private static LatencyRecorder record(LogIdentity identity, JsonNode shots) {
        LatencyRecorder log = new LatencyRecorder(identity);
        for (JsonNode shot : shots) {
            for (JsonNode ms : shot.path("values")) {
                log.record(Math.round(ms.asDouble() * NANOS_PER_MS));
            }
            log.endInterval(shot.path("startMs").asLong(), shot.path("endMs").asLong());
        }
        return log;
    }

    /** The identity the JVM's benchmark of {@code scenario} gives its log, from the combination's parameters. */
    static LogIdentity identity(String scenario, String model, Map<String, String> params) throws IOException {
        return switch (scenario) {
            case "preemption" -> PreemptionBenchmark.logIdentity(model, null, param(params, scenario, "disturbance"));
            case "io-load" -> IoLoadBenchmark.logIdentity(model, param(params, scenario, "delayMs"),
                    param(params, scenario, "rate"));
            case "scalability" -> ScalabilityBenchmark.logIdentity(model, param(params, scenario, "work"),
                    param(params, scenario, "tasks"));
            default -> throw new IOException("concbench_py wrote a latency log for '" + scenario
                    + "', whose JVM benchmark writes none");
        };
    }

    private static String param(Map<String, String> params, String scenario, String name) throws IOException {
        String value = params.get(name);
        if (value == null) {
            throw new IOException("concbench_py wrote a " + scenario + " latency log without its '" + name
                    + "' parameter (it has " + params.keySet() + ")");
        }
        return value;
    }

    private static Map<String, String> params(JsonNode params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
