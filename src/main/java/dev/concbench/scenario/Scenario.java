package dev.concbench.scenario;

import java.util.List;
import java.util.Map;

/**
 * One validated scenario file: a claim of the seed, the benchmark that tests it, the models it
 * runs, and per profile what to sweep.
 *
 * @param name        the file name without {@code .yaml}, e.g. {@code context-switch}
 * @param file        the file as the user names it, e.g. {@code scenarios/context-switch.yaml}
 * @param claim       the claim of the seed's table or examples it feeds, e.g. {@code table: context switch}
 * @param title       a short title
 * @param description one or two sentences on what is measured
 * @param benchmark   the JMH benchmark, {@code <Class>.<method>}, e.g. {@code ContextSwitchBenchmark.handoff},
 *                    or {@code <Class>.*} for every benchmark method of the class
 * @param methodParam with {@code <Class>.*}: the row parameter that names the method (e.g. {@code example}); else empty
 * @param models      the models to run, in order
 * @param metrics     the metrics it produces, in order
 * @param profiles    what to run per profile (every profile is present but the optional {@code gate})
 * @param server      whether it needs the delay server (the run starts it in its own process)
 * @param thresholds  per-metric regression thresholds for {@code compare}, as a fraction (0.2 = 20%);
 *                    metrics not named use compare's default
 */
public record Scenario(
        String name,
        String file,
        String claim,
        String title,
        String description,
        String benchmark,
        String methodParam,
        List<ModelSpec> models,
        List<MetricSpec> metrics,
        Map<Profile, ProfilePlan> profiles,
        boolean server,
        Map<String, Double> thresholds) {

    public Scenario {
        models = List.copyOf(models);
        metrics = List.copyOf(metrics);
        profiles = Map.copyOf(profiles);
        thresholds = Map.copyOf(thresholds);
    }

    /** The benchmark's class simple name, e.g. {@code ContextSwitchBenchmark}. */
    public String benchmarkClass() {
        return benchmark.substring(0, benchmark.indexOf('.'));
    }

    /** The plan for {@code profile}; null when the scenario does not take part in it (only {@code gate} is optional). */
    public ProfilePlan plan(Profile profile) {
        return profiles.get(profile);
    }
}
