package dev.concbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ScenarioThresholdsTest {

    @Test
    void theGateReadsTheThresholdsTheScenarioParserValidated() throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.load(Path.of("scenarios"), "scenarios",
                new ScenarioParser(BenchmarkCatalog.of().parameters()));
        ScenarioThresholds t = ScenarioThresholds.of(catalog.scenarios());
        Scenario withThresholds = catalog.scenarios().stream().filter(s -> !s.thresholds().isEmpty())
                .findFirst().orElseThrow();
        withThresholds.thresholds().forEach((metric, fraction) ->
                assertEquals(OptionalDouble.of(fraction), t.of(withThresholds.name(), metric)));
        assertEquals(OptionalDouble.empty(), t.of(withThresholds.name(), "no-such-metric"));
        assertEquals(OptionalDouble.empty(), t.of("no-such-scenario", "handoff"));
        assertTrue(catalog.scenarios().stream().filter(s -> s.thresholds().isEmpty())
                .allMatch(s -> !t.byScenario().containsKey(s.name())));
    }
}
