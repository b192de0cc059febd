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
 * The memory benchmark in a real JMH fork (with the fork's fixed heap): what a waiting unit of
 * every model costs in resident memory is positive, and a platform thread reserves more than it
 * touches, shot after shot (the second shot starts while the first shot's threads may still be exiting):
 * its whole stack, whether the fork's default or the 8 MiB of {@code stack=8m}, as the fork itself says.
 * 2,000 units a shot: with 500, a virtual thread's ~1 KiB was within the noise of the JVM's own
 * resident memory at a load of 13-18 (one negative reading, guarded, in a full suite).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"thread-per-task", "virtual", "eventloop", "{name: thread-per-task, stack: 8m}"})
    void waitingUnitsCostPositiveResidentMemory(String model) throws Exception {
        Scenario s = JmhRunTest.scenario("scenarios/memory.yaml", """
                claim: "table: memory usage"
                title: Memory
                benchmark: MemoryBenchmark.waiting
                models: [%s]
                metrics:
                  heapPerUnit: {unit: bytes, better: lower}
                  rssPerUnit: {unit: bytes, better: lower}
                  vmSizePerUnit: {unit: bytes, better: lower}
                  threads: {unit: count, better: neutral}
                  threadStackSize: {unit: bytes, better: neutral}
                  nmtStackPerUnit: {unit: bytes, better: neutral}
                profiles:
                  smoke: {params: {units: [2000]}, warmup: 0, iterations: 2}
                  quick: {}
                  full: {}
                """.formatted(model));
        Map<String, ResultRow> rows = JmhRunTest.smokeRows(s);
        ResultRow rss = rows.get("rssPerUnit");
        ResultRow vmSize = rows.get("vmSizePerUnit");
        assertTrue(rss.guards().isEmpty(), "no resized heap, no short or negative figure, threads idle before each shot: " + rss.guards() + " " + rows);
        assertTrue(rss.value() > 0, "a waiting unit's stack and objects are resident: " + rss);
        assertTrue(rss.value() >= rows.get("heapPerUnit").value() * 0.5, "resident includes the units' heap: " + rows);
        for (ResultRow r : rows.values()) {
            assertTrue(r.value() >= 0, "no per-unit figure is negative: " + r);
        }
        if (model.contains("thread-per-task")) {
            // the fork's own stack size: -Xss8m for the 8 MiB variant, the JVM default otherwise
            long stack = model.contains("8m") ? 8 << 20 : 1 << 20;
            assertEquals(stack, rows.get("threadStackSize").value(), rows.toString());
            assertEquals(stack, rows.get("nmtStackPerUnit").value(), stack * 0.01, "NMT sees one stack per thread: " + rows);
            assertTrue(vmSize.value() >= stack * 0.99, "a thread reserves its whole stack: " + vmSize);
            assertTrue(vmSize.value() > rss.value(), "a thread reserves more stack than it touches: " + vmSize + " vs " + rss);
            assertTrue(rows.get("threads").value() >= 500, rows.get("threads").toString());
        }
    }
}
