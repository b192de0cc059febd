package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.run.CPythonRun;
import dev.concbench.run.CPythonSide;
import dev.concbench.run.Planner;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        CPythonRun python = new CPythonRun(CPythonSide.none("estimate only"), PYTHON_SCENARIOS, List.of());
        assertTrue(plan.estimatedSeconds() + python.estimatedSeconds() <= limit, profile.id() + ": estimated "
                + plan.estimatedSeconds() + " s + the CPython side's " + python.estimatedSeconds() + " s, refused above "
                + limit + " s");
    }

    private static final List<String> PYTHON_SCENARIOS = List.of("context-switch", "spawn", "memory", "scalability",
            "cpu-bound", "preemption", "determinism", "io-load");

    /** A JVM plan within the line that the CPython side's scenarios take over it is refused, like the JVM's alone. */
    @Test
    void theCPythonSideCountsTowardTheRefusalLine(@TempDir Path tmp) throws Exception {
        BenchmarkCatalog benchmarks = BenchmarkCatalog.of();
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        String shipped = Files.readString(Path.of("scenarios", "context-switch.yaml"));
        Files.writeString(dir.resolve("context-switch.yaml"), shipped.replace("smoke: {warmup: 5, iterations: 15}",
                "smoke: {warmup: 0, iterations: 110, time: 1000}"));
        ScenarioCatalog catalog = RunCommand.loadScenarios(benchmarks, dir);
        Planner.Plan plan = new Planner(benchmarks).plan(catalog, Profile.SMOKE, List.of("context-switch"), List.of());
        CPythonRun python = new CPythonRun(CPythonSide.none("estimate only"), PYTHON_SCENARIOS, List.of());
        double limit = (double) RunCommand.BUDGET_FACTOR * Profile.SMOKE.budgetSeconds();
        assertTrue(plan.estimatedSeconds() <= limit && plan.estimatedSeconds() + python.estimatedSeconds() > limit,
                "the premise: the JVM's " + plan.estimatedSeconds() + " s and the CPython side's " + python.estimatedSeconds()
                        + " s around " + limit + " s");
        assertDoesNotThrow(() -> RunCommand.checkBudget(plan, CPythonRun.none("--no-python"), Profile.SMOKE, false));
        UsageException refused = assertThrows(UsageException.class,
                () -> RunCommand.checkBudget(plan, python, Profile.SMOKE, false));
        assertTrue(refused.getMessage().contains("the CPython side: 2 min"), refused.getMessage());
        assertDoesNotThrow(() -> RunCommand.checkBudget(plan, python, Profile.SMOKE, true));
    }
}
