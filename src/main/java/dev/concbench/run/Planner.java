package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.scenario.ModelSpec;
import dev.concbench.scenario.ParamSweep;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ProfilePlan;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.vocab.ModelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns scenarios, a profile and the user's filters into the list of JMH invocations, and names
 * every (scenario, model) pair that cannot run in this build (the benchmark does not implement
 * the model yet) so the summary lists it under {@code missing} instead of inventing a number.
 */
public final class Planner {

    /**
     * The plan.
     *
     * @param items   what will run, in order
     * @param missing {@code scenario/model: why} for every planned pair that will not run
     */
    public record Plan(List<PlanItem> items, List<String> missing) {
        public Plan {
            items = List.copyOf(items);
            missing = List.copyOf(missing);
        }

        /** The estimated duration of every item, in seconds. */
        public double estimatedSeconds() {
            return items.stream().mapToDouble(PlanItem::estimatedSeconds).sum();
        }
    }

    private final BenchmarkCatalog benchmarks;

    public Planner(BenchmarkCatalog benchmarks) {
        this.benchmarks = benchmarks;
    }

    /**
     * Plans a run.
     *
     * @param scenarioNames only these scenarios (empty = all); an unknown name is a usage error
     * @param modelNames    only these models (empty = all); an unknown name is a usage error
     * @throws UnknownFilterException naming the unknown name and the accepted ones
     */
    public Plan plan(ScenarioCatalog catalog, Profile profile, List<String> scenarioNames, List<String> modelNames) {
        for (String s : scenarioNames) {
            if (catalog.find(s).isEmpty()) {
                throw new UnknownFilterException(UnknownFilterException.Subject.SCENARIO, s, catalog.names());
            }
        }
        for (String m : modelNames) {
            if (ModelKind.of(m).isEmpty()) {
                throw new UnknownFilterException(UnknownFilterException.Subject.MODEL, m, ModelKind.ids());
            }
        }
        Set<String> onlyScenarios = Set.copyOf(scenarioNames);
        Set<String> onlyModels = Set.copyOf(modelNames);
        List<PlanItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Scenario s : catalog.scenarios()) {
            if (!onlyScenarios.isEmpty() && !onlyScenarios.contains(s.name())) {
                continue;
            }
            BenchmarkCatalog.Entry bench = benchmarks.get(s.benchmark());
            ProfilePlan plan = s.plan(profile);
            if (plan == null) {
                continue;   // a profile this scenario does not take part in (the gate's is optional)
            }
            for (ModelSpec model : s.models()) {
                if (!onlyModels.isEmpty() && !onlyModels.contains(model.name())) {
                    continue;
                }
                if (!bench.models().contains(model.name())) {
                    missing.add(s.name() + "/" + model.label() + ": " + s.benchmark()
                            + " does not implement this model in this build (it has " + String.join(", ", bench.models()) + ")");
                    continue;
                }
                for (ParamSweep sweep : plan.sweeps()) {
                    if (sweep.appliesTo(model.name())) {
                        int methods = s.benchmark().endsWith(".*") ? countMethods(s) : 1;
                        items.add(new PlanItem(s, model, sweep.params(), plan.settings(), bench.include(), methods));
                    }
                }
            }
        }
        return new Plan(items, missing);
    }

    private int countMethods(Scenario s) {
        String prefix = s.benchmarkClass() + ".";
        return (int) benchmarks.parameters().keySet().stream()
                .filter(n -> n.startsWith(prefix) && !n.endsWith(".*")).count();
    }
}
