package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.run.Planner;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The budget check refuses plans far beyond their profile, never the shipped scenarios' own plans. */
class RunBudgetTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theShippedPlanOfEveryProfileIsWithinTheRefusalLine(Profile profile) throws Exception {
        BenchmarkCatalog benchmarks = BenchmarkCatalog.of();
        ScenarioCatalog catalog = RunCommand.loadScenarios(benchmarks, Path.of("scenarios"));
        Planner.Plan plan = new Planner(benchmarks).plan(catalog, profile, List.of(), List.of());
        double limit = (double) RunCommand.BUDGET_FACTOR * profile.budgetSeconds();
        assertTrue(plan.estimatedSeconds() <= limit, profile.id() + ": estimated " + plan.estimatedSeconds()
                + " s, refused above " + limit + " s");
    }
}
