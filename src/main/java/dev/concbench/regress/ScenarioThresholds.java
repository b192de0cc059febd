package dev.concbench.regress;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The per-metric thresholds that scenario files declare, by scenario and metric.
 *
 * <p>A scenario file {@code scenarios/<name>.yaml} may hold, at its top level,
 * <pre>{@code
 * thresholds:        # metric -> the fraction by which it may get worse before the gate fails
 *   handoff: 0.25    # 25 %
 * }</pre>
 * Every other key of the file belongs to the scenario's own schema and is skipped here.
 *
 * @param byScenario scenario name -> metric name -> fraction (&gt; 0)
 */
public record ScenarioThresholds(Map<String, Map<String, Double>> byScenario) {

    /** The top-level key this reader looks for. */
    public static final String KEY = "thresholds";

    private static final YAMLFactory YAML = new YAMLFactory();

    public ScenarioThresholds {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        byScenario.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
        byScenario = Map.copyOf(copy);
    }

    /** No scenario declares a threshold. */
    public static ScenarioThresholds none() {
        return new ScenarioThresholds(Map.of());
    }

    /** The threshold {@code scenario} declares for {@code metric}, if any. */
    public OptionalDouble of(String scenario, String metric) {
        Double t = byScenario.getOrDefault(scenario, Map.of()).get(metric);
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
    }

    /**
     * Reads the {@code thresholds:} maps of every {@code *.yaml} file in {@code dir}; the scenario
     * name is the file name without {@code .yaml}.
     *
     * @throws CompareInputException naming file:line when a threshold is not a number &gt; 0 or
     *                               the map is not a map
     */
    public static ScenarioThresholds read(Path dir) throws CompareInputException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new CompareInputException(dir + ": cannot list scenario files (" + e.getMessage() + ")");
        }
        Map<String, Map<String, Double>> all = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Map<String, Double> thresholds = readFile(file);
            if (!thresholds.isEmpty()) {
                all.put(name.substring(0, name.length() - ".yaml".length()), thresholds);
            }
        }
        return new ScenarioThresholds(all);
    }

    private static Map<String, Double> readFile(Path file) throws CompareInputException {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        try (JsonParser p = YAML.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return thresholds;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean ours = KEY.equals(p.currentName());
                JsonToken value = p.nextToken();
                if (!ours) {
                    p.skipChildren();
                } else if (value == JsonToken.START_OBJECT) {
                    readMap(file, p, thresholds);
                } else if (value != JsonToken.VALUE_NULL) {
                    throw bad(file, p, "'" + KEY + "' must map metric names to fractions, e.g. 'handoff: 0.25'");
                }
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new CompareInputException(file + ": not readable as YAML (" + why + ")");
        }
        return thresholds;
    }

    private static void readMap(Path file, JsonParser p, Map<String, Double> into)
            throws IOException, CompareInputException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String metric = p.currentName();
            JsonToken value = p.nextToken();
            boolean number = value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT;
            if (!number || !(p.getDoubleValue() > 0) || !Double.isFinite(p.getDoubleValue())) {
                throw bad(file, p, KEY + "." + metric + ": expected a fraction > 0 (e.g. 0.25 for 25 %), got '"
                        + p.getText() + "'");
            }
            into.put(metric, p.getDoubleValue());
        }
    }

    private static CompareInputException bad(Path file, JsonParser p, String what) {
        return new CompareInputException(file + ":" + p.currentTokenLocation().getLineNr() + ": " + what);
    }
}
