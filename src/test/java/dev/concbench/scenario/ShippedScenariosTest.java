package dev.concbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Every scenario file the project ships parses, and says what docs/metrics.md says. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ShippedScenariosTest {

    private static final Path DIR = Path.of("scenarios");

    private static ScenarioCatalog shipped() throws Exception {
        assertTrue(Files.isDirectory(DIR), "run from the checkout: " + DIR.toAbsolutePath());
        return ScenarioCatalog.load(DIR, "scenarios", new ScenarioParser(BenchmarkCatalog.of().parameters(), BenchmarkCatalog.of().parameterValues()));
    }

    @Test
    void everyShippedFileIsValidAndCoversEveryProfile() throws Exception {
        ScenarioCatalog catalog = shipped();
        assertFalse(catalog.scenarios().isEmpty());
        for (Scenario s : catalog.scenarios()) {
            for (Profile p : Profile.values()) {
                if (p.requiredInEveryScenario() || s.plan(p) != null) {
                    assertFalse(s.plan(p).sweeps().isEmpty(), s.name() + " " + p.id());
                }
            }
        }
    }

    /** The gate profile: at least 3 forks a side wherever it runs (the gate resamples forks). */
    @Test
    void theGateProfileRunsEnoughForksToResample() throws Exception {
        List<Scenario> gated = shipped().scenarios().stream().filter(s -> s.plan(Profile.GATE) != null).toList();
        assertFalse(gated.isEmpty(), "no scenario has a gate: profile");
        for (Scenario s : gated) {
            assertTrue(s.plan(Profile.GATE).settings().forks() >= 3, s.name());
        }
    }

    /** The gate's pooled request: the loop's and virtual threads' rows only (docs/regression-gate.md), not every model. */
    @Test
    void theGateRunsPoolingForEventloopAndVirtualOnly() throws Exception {
        Scenario s = shipped().scenarios().stream().filter(x -> x.name().equals("pooling")).findFirst().orElseThrow();
        List<String> models = s.plan(Profile.GATE).sweeps().stream().flatMap(w -> w.models().stream()).distinct().toList();
        assertEquals(List.of("eventloop", "virtual"), models);
    }

    @Test
    void theContractsScenariosAreShipped() throws Exception {
        List<String> names = shipped().names();
        for (String expected : List.of("context-switch", "spawn", "memory", "scalability", "cpu-bound", "preemption",
                "io-load", "determinism", "pooling")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
    }

    /** A primary metric's declared unit must be what JMH will report for its benchmark. */
    @Test
    void primaryUnitsMatchTheBenchmarksTimeUnit() throws Exception {
        for (Scenario s : shipped().scenarios()) {
            Class<?> c = Class.forName("dev.concbench.bench." + s.benchmarkClass());
            TimeUnit unit = c.getAnnotation(OutputTimeUnit.class).value();
            String jmh = switch (unit) {
                case NANOSECONDS -> "ns";
                case MICROSECONDS -> "us";
                case MILLISECONDS -> "ms";
                default -> unit.name().toLowerCase(Locale.ROOT);
            };
            s.metrics().stream().filter(m -> m.primary()).forEach(m -> assertTrue(
                    m.unit().equals(jmh) || m.unit().equals(jmh + "/op"),
                    s.name() + "." + m.name() + " declares " + m.unit() + " but the benchmark reports " + jmh + "/op"));
        }
    }

    /**
     * context-switch runs eventloop's hand-off by Netty's mechanism beside the netty row in quick and
     * full, for eventloop only, and never in the gate (whose rows keep their names).
     */
    @Test
    void contextSwitchRunsOurExecuteHandoffBesideNettysInQuickAndFullOnly() throws Exception {
        Scenario s = shipped().scenarios().stream().filter(x -> x.name().equals("context-switch")).findFirst().orElseThrow();
        for (Profile p : List.of(Profile.QUICK, Profile.FULL)) {
            List<ParamSweep> execute = s.plan(p).sweeps().stream()
                    .filter(w -> w.params().getOrDefault("mechanism", List.of()).contains("execute")).toList();
            assertEquals(1, execute.size(), p.id());
            assertEquals(List.of("eventloop"), execute.getFirst().models(), p.id());
            assertEquals(List.of("false"), execute.getFirst().params().get("pinned"), p.id() + ": beside netty's pinned=false row");
        }
        for (Profile p : List.of(Profile.SMOKE, Profile.GATE)) {
            assertTrue(s.plan(p).sweeps().stream().noneMatch(w -> w.params().containsKey("mechanism")), p.id());
        }
    }

    @Test
    void smokeIsSmallerThanQuickIsSmallerThanFull() throws Exception {
        for (Scenario s : shipped().scenarios()) {
            int smoke = s.plan(Profile.SMOKE).settings().forks();
            int full = s.plan(Profile.FULL).settings().forks();
            assertEquals(1, smoke, s.name() + ": smoke runs one fork");
            assertTrue(full >= smoke, s.name());
        }
    }
}
