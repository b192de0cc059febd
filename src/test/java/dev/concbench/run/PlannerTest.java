package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PlannerTest {

    private static final String MEMORY = """
            claim: "table: memory usage"
            title: Memory
            benchmark: MemoryBenchmark.waiting
            models: [virtual, thread-per-task, eventloop+offload]
            metrics:
              rssPerUnit: {unit: bytes, better: lower}
            profiles:
              smoke: {params: {units: [10]}}
              quick: {params: {units: [10, 100]}}
              full:
                params: {units: [10, 100]}
                extra: [{models: [virtual], params: {units: [1000000]}}]
            """;

    private static ScenarioCatalog catalog() throws Exception {
        Scenario s = JmhRunTest.scenario("scenarios/memory.yaml", MEMORY);
        return new ScenarioCatalog(List.of(s));
    }

    private static final Planner PLANNER = new Planner(BenchmarkCatalog.of());

    @Test
    void plansOneItemPerModelAndSweepAndListsWhatThisBuildLacks() throws Exception {
        Planner.Plan full = PLANNER.plan(catalog(), Profile.FULL, List.of(), List.of());
        assertEquals(List.of("memory/virtual units=10,100", "memory/virtual units=1000000", "memory/thread-per-task units=10,100"),
                full.items().stream().map(PlanItem::label).toList());
        assertEquals(1, full.missing().size());
        assertTrue(full.missing().get(0).startsWith("memory/eventloop+offload: MemoryBenchmark.waiting does not implement"),
                full.missing().get(0));
        assertEquals(2, full.items().get(0).combinations());
    }

    @Test
    void filtersByModel() throws Exception {
        Planner.Plan plan = PLANNER.plan(catalog(), Profile.SMOKE, List.of("memory"), List.of("thread-per-task"));
        assertEquals(List.of("memory/thread-per-task units=10"), plan.items().stream().map(PlanItem::label).toList());
        assertTrue(plan.missing().isEmpty());
    }

    @Test
    void unknownFilterNamesAreUsageErrors() throws Exception {
        ScenarioCatalog c = catalog();
        assertEquals("'memroy' is not a scenario (expected one of memory)",
                assertThrows(UnknownFilterException.class, () -> PLANNER.plan(c, Profile.SMOKE, List.of("memroy"), List.of()))
                        .getMessage());
        UnknownFilterException model = assertThrows(UnknownFilterException.class,
                () -> PLANNER.plan(c, Profile.SMOKE, List.of(), List.of("virtul")));
        assertTrue(model.getMessage().startsWith("'virtul' is not a model (expected one of eventloop,"));
        assertEquals(UnknownFilterException.Subject.MODEL, model.subject());
    }

    @Test
    void progressIsOnePlainLinePerItemOffATerminalAndOneUpdatingLineOnIt() throws Exception {
        PlanItem item = PLANNER.plan(catalog(), Profile.SMOKE, List.of(), List.of()).items().get(0);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(plain, true, StandardCharsets.UTF_8), false, 10);
        p.starting(1, 2, item);
        p.finished(item);
        p.starting(2, 2, item);
        p.close();
        List<String> lines = plain.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("scenario 1/2: MemoryBenchmark\\.waiting memory/virtual units=10 \\.\\.\\. ~\\d+s left"),
                lines.get(0));
        assertTrue(!lines.get(0).contains("\r"));

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        Progress t = new Progress(new PrintStream(tty, true, StandardCharsets.UTF_8), true, 10);
        t.starting(1, 2, item);
        t.starting(2, 2, item);
        t.close();
        String out = tty.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.split("\r\033\\[K", -1).length - 1, "each update rewrites the line");
        assertTrue(out.endsWith("left\n"), "the line is closed at the end");
    }
}
