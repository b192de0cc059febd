package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.ResultRow;
import dev.concbench.scenario.Scenario;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalability benchmark in a real JMH fork: the latency a verdict reads is timed from the gate
 * (every sleeping task waits 100 ms after it, so none finishes sooner), one value per shot
 * averaged over the shots with an error bar; creation cost is a row of its own.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScalabilityRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "thread-per-task"})
    void latencyFromTheGateIsPerShotWithAnErrorBarAndCreationIsApart(String model) throws Exception {
        Scenario s = JmhRunTest.scenario("scenarios/scalability.yaml", """
                claim: "table: scalability"
                title: Scalability
                benchmark: ScalabilityBenchmark.run
                models: [%s]
                metrics:
                  latencyFromGate.p99: {unit: ms, better: lower}
                  createCost: {unit: us, better: lower}
                  rssPerTask: {unit: bytes, better: lower}
                profiles:
                  smoke: {params: {tasks: [200], work: [sleep]}, warmup: 0, iterations: 3}
                  quick: {}
                  full: {}
                """.formatted(model));
        Map<String, ResultRow> rows = JmhRunTest.smokeRows(s);
        ResultRow p99 = rows.get("latencyFromGate.p99");
        assertEquals(3, p99.samples(), "one sample per shot: " + p99);
        assertTrue(Double.isFinite(p99.error()), "an error across shots: " + p99);
        assertTrue(p99.value() >= 100, "every task sleeps 100 ms after the gate: " + p99);
        ResultRow create = rows.get("createCost");
        assertEquals("us", create.unit());
        assertEquals(3, create.samples());
        assertTrue(create.value() > 0, create.toString());
        ResultRow rss = rows.get("rssPerTask");
        assertTrue(rss.value() >= 0 || rss.guards().stream().anyMatch(g -> g.startsWith("negative-memory")),
                "a negative figure is never published unguarded: " + rss);
    }
}
