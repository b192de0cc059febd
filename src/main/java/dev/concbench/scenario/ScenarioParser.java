package dev.concbench.scenario;

import dev.concbench.results.Direction;
import dev.concbench.vocab.ModelKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Parses and validates one scenario file. The schema (all keys but {@code description},
 * {@code methodParam} and {@code thresholds} are required):
 *
 * <pre>{@code
 * claim: "table: context switch"          # the claim of the seed it feeds
 * title: Context switch
 * description: Two tasks hand a token back and forth.
 * benchmark: ContextSwitchBenchmark.handoff   # or Class.* for every @Benchmark method of the class
 * methodParam: example                    # with Class.*: the row parameter naming the method
 * server: true                             # optional: the run starts the delay server for it
 * models: [eventloop, virtual, {name: virtual, carriers: 1}]
 * metrics:
 *   handoff: {unit: ns/op, better: lower, source: primary}   # source: primary or a secondary result label
 * thresholds: {handoff: 0.25}              # optional, for compare
 * profiles:                                # smoke, quick and full, each required; gate optional
 *   smoke:
 *     params: {units: [1000]}              # swept for every model
 *     extra: [{models: [virtual], params: {units: [1000000]}}]   # more runs for some models
 *     forks: 1                             # optional JMH overrides: forks, warmup, iterations, time (ms)
 *   gate: {models: [eventloop], forks: 3}  # optional: the rows the regression gate ('ab') runs; models: only these
 * }</pre>
 *
 * <p>Instances are immutable; {@link #parse} may be called from any thread.
 */
public final class ScenarioParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<String> TOP_KEYS = List.of(
            "claim", "title", "description", "benchmark", "methodParam", "server", "models", "metrics", "thresholds",
            "profiles");
    private static final List<String> METRIC_KEYS = List.of("unit", "better", "source");
    private static final List<String> PROFILE_KEYS =
            List.of("models", "params", "extra", "forks", "warmup", "iterations", "time");
    private static final List<String> EXTRA_KEYS = List.of("models", "params");

    /** The most carrier threads a model may ask for: far above any core count these runs see. */
    static final int MAX_CARRIERS = 1024;

    private final Map<String, Set<String>> benchmarks;
    private final Map<String, Map<String, List<String>>> values;

    /**
     * @param benchmarks the benchmarks this build has ({@code Class.method} and {@code Class.*}),
     *                   each with the names of the parameters it accepts
     */
    public ScenarioParser(Map<String, Set<String>> benchmarks) {
        this(benchmarks, Map.of());
    }

    /**
     * @param benchmarks as above
     * @param values     per benchmark, the parameters that accept only some values, and those values:
     *                   any other value in a file is an error with its line
     */
    public ScenarioParser(Map<String, Set<String>> benchmarks, Map<String, Map<String, List<String>>> values) {
        this.benchmarks = Map.copyOf(benchmarks);
        this.values = Map.copyOf(values);
    }

    /**
     * Parses {@code text}, the contents of the file the user calls {@code file}.
     *
     * @param file how errors name the file, e.g. {@code scenarios/x.yaml}; its base name is the scenario's name
     * @throws ScenarioException the first problem found, with its line
     */
    public Scenario parse(String file, String text) throws ScenarioException {
        return new FileParse(file).scenario(new YamlTreeReader(file).read(text));
    }

    /** The state of parsing one file: its name, for errors. */
    private final class FileParse extends ScenarioFields {

        /** The scenario's benchmark's parameters that accept only some values; set once the benchmark is known. */
        private Map<String, List<String>> accepted = Map.of();

        FileParse(String file) {
            super(file);
        }

        Scenario scenario(YamlNode root) throws ScenarioException {
            YamlNode.Mapping top = mapping(root, "the scenario");
            checkKeys(top, TOP_KEYS, "key");
            String name = baseName();
            String claim = text(required(top, "claim"), "claim");
            String title = text(required(top, "title"), "title");
            String description = top.entries().containsKey("description")
                    ? text(top.entries().get("description"), "description") : "";
            YamlNode.Entry benchEntry = required(top, "benchmark");
            String benchmark = text(benchEntry, "benchmark");
            if (!benchmarks.containsKey(benchmark)) {
                throw error(benchEntry.value().line(), "unknown benchmark '" + benchmark + "' (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(benchmarks.keySet())) + ")");
            }
            Set<String> benchParams = benchmarks.get(benchmark);
            accepted = values.getOrDefault(benchmark, Map.of());
            String methodParam = "";
            if (top.entries().containsKey("methodParam")) {
                YamlNode.Entry e = top.entries().get("methodParam");
                if (!benchmark.endsWith(".*")) {
                    throw error(e.keyLine(), "methodParam needs a benchmark of the form Class.* (found '" + benchmark + "')");
                }
                methodParam = text(e, "methodParam");
            }
            List<ModelSpec> models = models(required(top, "models"), benchParams);
            List<MetricSpec> metrics = metrics(required(top, "metrics"));
            Map<String, Double> thresholds = top.entries().containsKey("thresholds")
                    ? thresholds(top.entries().get("thresholds"), metrics) : Map.of();
            Map<Profile, ProfilePlan> profiles = profiles(required(top, "profiles"), models, benchParams);
            boolean server = top.entries().containsKey("server") && bool(top.entries().get("server"));
            return new Scenario(name, file, claim, title, description, benchmark, methodParam, models, metrics, profiles,
                    server, thresholds);
        }

        private String baseName() throws ScenarioException {
            String base = java.nio.file.Path.of(file).getFileName().toString();
            if (!base.endsWith(".yaml")) {
                throw error(1, "a scenario file's name must end in .yaml");
            }
            String name = base.substring(0, base.length() - ".yaml".length());
            if (!NAME.matcher(name).matches()) {
                throw error(1, "scenario name '" + name + "' must be lower-case letters, digits and dashes");
            }
            return name;
        }

        private List<ModelSpec> models(YamlNode.Entry entry, Set<String> benchParams) throws ScenarioException {
            YamlNode.Sequence seq = sequence(entry.value(), "models");
            if (seq.items().isEmpty()) {
                throw error(seq.line(), "models is empty (expected at least one of " + String.join(", ", ModelKind.ids(dev.concbench.vocab.RuntimeKind.JVM)) + ")");
            }
            List<ModelSpec> models = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                ModelSpec spec = item instanceof YamlNode.Mapping m ? modelWithParams(m, benchParams) : ModelSpec.of(model(item));
                if (models.contains(spec)) {
                    throw error(item.line(), "model '" + spec.label() + "' is listed twice");
                }
                models.add(spec);
            }
            return models;
        }

        private ModelSpec modelWithParams(YamlNode.Mapping m, Set<String> benchParams) throws ScenarioException {
            List<String> allowed = new ArrayList<>(List.of("name"));
            allowed.addAll(ModelKind.allParams());
            checkKeys(m, allowed, "model key");
            YamlNode.Entry nameEntry = m.entries().get("name");
            if (nameEntry == null) {
                throw error(m.line(), "missing 'name' in model (expected e.g. {name: virtual, carriers: 1})");
            }
            String name = model(nameEntry.value());
            Map<String, String> params = new TreeMap<>();
            for (YamlNode.Entry e : m.entries().values()) {
                if (e.key().equals("name")) {
                    continue;
                }
                List<String> takes = ModelKind.require(name).params();
                if (ModelSpec.FORK_SETTINGS.contains(e.key()) && !takes.contains(e.key())) {
                    throw error(e.keyLine(), "model parameter '" + e.key() + "' does not apply to model '" + name
                            + "' (it takes " + (takes.isEmpty() ? "none" : String.join(", ", takes)) + ")");
                }
                if (!ModelSpec.FORK_SETTINGS.contains(e.key()) && !benchParams.contains(e.key())) {
                    throw error(e.keyLine(), "model parameter '" + e.key() + "' is not a parameter of this benchmark"
                            + " (expected one of " + String.join(", ", new java.util.TreeSet<>(benchParams)) + ")");
                }
                String value = text(e, e.key());
                checkValue(e.key(), value, e.value().line());
                if (e.key().equals(ModelSpec.CARRIERS) && positiveInt(e.value(), ModelSpec.CARRIERS) > MAX_CARRIERS) {
                    throw error(e.value().line(), ModelSpec.CARRIERS + " must be 1.." + MAX_CARRIERS + " (found " + value + ")");
                }
                if (e.key().equals(ModelSpec.STACK) && !dev.concbench.vocab.StackFlags.valid(value)) {
                    throw error(e.keyLine(), "model parameter 'stack' must be a size such as 8m or 512k, was '" + value + "'");
                }
                params.put(e.key(), value);
            }
            return new ModelSpec(name, params);
        }

        private String model(YamlNode node) throws ScenarioException {
            String name = scalar(node, "model").text();
            java.util.List<String> jvm = ModelKind.ids(dev.concbench.vocab.RuntimeKind.JVM);
            if (ModelKind.of(name).filter(ModelKind::onJvm).isEmpty()) {
                throw error(node.line(), (ModelKind.of(name).isPresent()
                        ? "model '" + name + "' runs in CPython, and the run adds CPython's rows by itself"
                        : "unknown model '" + name + "'") + " (expected one of " + String.join(", ", jvm) + ")");
            }
            return name;
        }

        private List<MetricSpec> metrics(YamlNode.Entry entry) throws ScenarioException {
            YamlNode.Mapping m = mapping(entry.value(), "metrics");
            if (m.entries().isEmpty()) {
                throw error(m.line(), "metrics is empty (expected at least one metric)");
            }
            List<MetricSpec> metrics = new ArrayList<>();
            for (YamlNode.Entry e : m.entries().values()) {
                YamlNode.Mapping spec = mapping(e.value(), "metric '" + e.key() + "'");
                checkKeys(spec, METRIC_KEYS, "metric key");
                String unit = text(requiredIn(spec, "unit", "metric '" + e.key() + "'"), "unit");
                YamlNode.Entry betterEntry = requiredIn(spec, "better", "metric '" + e.key() + "'");
                Direction better = direction(betterEntry);
                String source = spec.entries().containsKey("source") ? text(spec.entries().get("source"), "source") : e.key();
                metrics.add(new MetricSpec(e.key(), unit, better, source));
            }
            return metrics;
        }

        private Direction direction(YamlNode.Entry entry) throws ScenarioException {
            String text = text(entry, "better");
            for (Direction d : Direction.values()) {
                if (d.json().equals(text)) {
                    return d;
                }
            }
            throw error(entry.value().line(), "better '" + text + "' is not a direction (expected one of lower, higher, neutral)");
        }

        private Map<String, Double> thresholds(YamlNode.Entry entry, List<MetricSpec> metrics) throws ScenarioException {
            YamlNode.Mapping m = mapping(entry.value(), "thresholds");
            Map<String, Double> out = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.entries().values()) {
                if (metrics.stream().noneMatch(s -> s.name().equals(e.key()))) {
                    throw error(e.keyLine(), "threshold for unknown metric '" + e.key() + "' (expected one of "
                            + String.join(", ", metrics.stream().map(MetricSpec::name).toList()) + ")");
                }
                String text = text(e, e.key());
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    v = Double.NaN;
                }
                if (!(v > 0 && v <= 10)) {
                    throw error(e.value().line(), "threshold '" + text + "' for " + e.key()
                            + " must be a fraction between 0 (exclusive) and 10, e.g. 0.25 for 25%");
                }
                out.put(e.key(), v);
            }
            return out;
        }

        private Map<Profile, ProfilePlan> profiles(YamlNode.Entry entry, List<ModelSpec> models, Set<String> benchParams)
                throws ScenarioException {
            YamlNode.Mapping m = mapping(entry.value(), "profiles");
            for (YamlNode.Entry e : m.entries().values()) {
                try {
                    Profile.of(e.key());
                } catch (IllegalArgumentException ex) {
                    throw error(e.keyLine(), ex.getMessage());
                }
            }
            Map<Profile, ProfilePlan> out = new EnumMap<>(Profile.class);
            for (Profile p : Profile.values()) {
                YamlNode.Entry pe = m.entries().get(p.id());
                if (pe == null && !p.requiredInEveryScenario()) {
                    continue;
                }
                if (pe == null) {
                    throw error(m.line(), "missing profile '" + p.id() + "' (every scenario names smoke, quick and full)");
                }
                out.put(p, profile(p, pe, models, benchParams));
            }
            return out;
        }

        private ProfilePlan profile(Profile p, YamlNode.Entry entry, List<ModelSpec> models, Set<String> benchParams)
                throws ScenarioException {
            YamlNode.Mapping m = entry.value() instanceof YamlNode.Scalar s && s.text().isEmpty()
                    ? new YamlNode.Mapping(Map.of(), s.line()) : mapping(entry.value(), "profile '" + p.id() + "'");
            checkKeys(m, PROFILE_KEYS, "profile key");
            List<ParamSweep> sweeps = new ArrayList<>();
            List<String> only = m.entries().containsKey("models")
                    ? modelNames(m.entries().get("models"), models, "profile '" + p.id() + "'") : List.of();
            sweeps.add(new ParamSweep(only, m.entries().containsKey("params")
                    ? params(m.entries().get("params"), benchParams) : Map.of()));
            if (m.entries().containsKey("extra")) {
                for (YamlNode item : sequence(m.entries().get("extra").value(), "extra").items()) {
                    YamlNode.Mapping x = mapping(item, "an extra sweep");
                    checkKeys(x, EXTRA_KEYS, "extra key");
                    List<String> names = modelNames(requiredIn(x, "models", "extra sweep"), models, "extra sweep");
                    sweeps.add(new ParamSweep(names, params(requiredIn(x, "params", "extra sweep"), benchParams)));
                }
            }
            JmhSettings d = p.defaults();
            JmhSettings settings = new JmhSettings(
                    intOr(m, "forks", d.forks(), 1, JmhSettings.MAX_FORKS),
                    intOr(m, "warmup", d.warmupIterations(), 0, JmhSettings.MAX_ITERATIONS),
                    intOr(m, "iterations", d.iterations(), 1, JmhSettings.MAX_ITERATIONS),
                    intOr(m, "time", d.iterationMillis(), 1, JmhSettings.MAX_ITERATION_MILLIS));
            return new ProfilePlan(sweeps, settings);
        }

        /** A list of the scenario's model names, e.g. a profile's {@code models: [eventloop, virtual]}. */
        private List<String> modelNames(YamlNode.Entry entry, List<ModelSpec> models, String what)
                throws ScenarioException {
            List<String> names = new ArrayList<>();
            for (YamlNode n : sequence(entry.value(), "models").items()) {
                String name = model(n);
                if (models.stream().noneMatch(s -> s.name().equals(name))) {
                    throw error(n.line(), what + " names model '" + name + "' that the scenario does not run");
                }
                names.add(name);
            }
            return names;
        }

        private Map<String, List<String>> params(YamlNode.Entry entry, Set<String> benchParams) throws ScenarioException {
            YamlNode.Mapping m = mapping(entry.value(), "params");
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (YamlNode.Entry e : m.entries().values()) {
                if (!benchParams.contains(e.key()) || e.key().equals("model")) {
                    throw error(e.keyLine(), "unknown parameter '" + e.key() + "' (expected one of "
                            + String.join(", ", new java.util.TreeSet<>(benchParams.stream()
                                    .filter(s -> !s.equals("model")).toList())) + ")");
                }
                List<String> values = new ArrayList<>();
                if (e.value() instanceof YamlNode.Sequence seq) {
                    for (YamlNode v : seq.items()) {
                        values.add(checkValue(e.key(), scalar(v, "a value of " + e.key()).text(), v.line()));
                    }
                } else {
                    values.add(checkValue(e.key(), scalar(e.value(), e.key()).text(), e.value().line()));
                }
                if (values.isEmpty()) {
                    throw error(e.value().line(), "parameter '" + e.key() + "' has no values (expected a list of at least one)");
                }
                out.put(e.key(), values);
            }
            return out;
        }

        /** {@code value}, unless {@code param} accepts only some values and this is not one of them. */
        private String checkValue(String param, String value, int line) throws ScenarioException {
            List<String> only = accepted.get(param);
            if (only != null && !only.contains(value)) {
                throw error(line, "parameter '" + param + "' has no value '" + value + "' (expected one of "
                        + String.join(", ", only) + ")");
            }
            return value;
        }
    }
}
