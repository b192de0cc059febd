package dev.concbench.workload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example runs and prints what the seed's program prints. Timings are only checked as lower
 * bounds the sleeps guarantee, or as generous ratios between two runs.
 */
@Timeout(20)
class ExamplesTest {

    /** Small, so the whole class runs in about a second. */
    private static final Duration UNIT = Duration.ofMillis(10);

    private static ExampleResult run(String name, Duration unit) {
        return ExampleRunner.run(Examples.require(name), ExampleSettings.quiet(unit).withHttpServer(TestDelayServer.STARTER));
    }

    /** The lines before the final elapsed line. */
    private static List<String> printed(ExampleResult r) {
        return r.output().subList(0, r.output().size() - 1);
    }

    static Stream<Arguments> deterministicOutputs() {
        return Stream.of(
                Arguments.of("hello", List.of("Hello", "World")),
                Arguments.of("gather", List.of("Task A starting", "Task B starting", "Task C starting",
                        "Task B completed after 1s", "Task A completed after 2s", "Task C completed after 3s",
                        "All results: ['Result-A', 'Result-B', 'Result-C']")),
                Arguments.of("sequential", List.of("Task A starting", "Task A completed after 2s", "Task B starting",
                        "Task B completed after 1s", "Task C starting", "Task C completed after 3s",
                        "All results: ['Result-A', 'Result-B', 'Result-C']")),
                Arguments.of("get-user-data", List.of(
                        "{'user': {'id': 123, 'name': 'User-123'}, 'posts': ['Post-0', 'Post-1', 'Post-2']}")),
                Arguments.of("fire-and-forget", List.of("Main work...", "Main work done",
                        "Background task cleanup completed")),
                Arguments.of("timeout", List.of("Operation timed out!")),
                Arguments.of("context-manager", List.of("Connecting to database...",
                        "Results for: SELECT * FROM users", "Closing database connection...")),
                Arguments.of("async-iterator", List.of("Count: 1", "Count: 2", "Count: 3", "Count: 4", "Count: 5")),
                Arguments.of("async-generator", asyncGeneratorLines()));
    }

    private static List<String> asyncGeneratorLines() {
        List<String> lines = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            lines.add("Processing page " + page);
            for (int i = 0; i < 5; i++) {
                lines.add(" - item-" + i);
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicOutputs")
    void printsWhatTheSeedPrintsThenItsElapsedTime(String name, List<String> expected) {
        ExampleResult r = run(name, UNIT);
        assertEquals(expected, printed(r));
        String last = r.output().get(r.output().size() - 1);
        assertTrue(last.matches("elapsed: \\d+\\.\\d\\d units \\(\\d+ ms\\)"), last);
    }

    @Test
    void everyExampleIsListedAndRuns() {
        assertEquals(List.of("hello", "gather", "sequential", "tasks", "get-user-data", "fire-and-forget", "timeout",
                "producer-consumer", "semaphore", "scraper", "context-manager", "async-iterator", "async-generator",
                "blocking-pitfall", "cpu-pitfall"), Examples.names());
        for (String name : Examples.names()) {
            assertTrue(run(name, UNIT).output().getLast().startsWith("elapsed: "), name);
        }
    }

    @Test
    void tasksPrintsItsFetchesResultsAndTotalTime() {
        List<String> lines = printed(run("tasks", UNIT));
        assertEquals(List.of("Fetching data 1...", "Fetching data 2...", "Fetching data 3...",
                "Results: ['Data-1', 'Data-2', 'Data-3']"), lines.subList(0, 4));
        assertTrue(lines.get(4).matches("Total time: \\d+\\.\\d\\ds"), lines.get(4));
    }

    @Test
    void gatherTakesTheLongestNotTheSum() {
        Duration unit = Duration.ofMillis(40);
        ExampleResult gather = run("gather", unit);
        ExampleResult sequential = run("sequential", unit);
        assertTrue(gather.elapsedUnits() >= 3 && sequential.elapsedUnits() >= 6);
        assertTrue(gather.elapsedUnits() < 0.8 * sequential.elapsedUnits(),
                gather.elapsedUnits() + " vs " + sequential.elapsedUnits());
    }

    @Test
    void semaphoreAdmitsThreeAtATime() {
        ExampleResult r = run("semaphore", UNIT);
        assertEquals(3, r.fact(ExampleResult.MAX_CONCURRENT).getAsLong());
        assertTrue(r.output().contains("max concurrent: 3"));
        assertTrue(r.output().contains("Completed 10 requests"));
        assertTrue(r.elapsedUnits() >= 4, "four rounds of 1 s each: " + r.elapsedUnits());
    }

    @Test
    void timeoutGivesUpAfterThreeUnitsAndCancelsTheOperation() {
        ExampleResult r = run("timeout", UNIT);
        assertEquals(1, r.fact(ExampleResult.TIMED_OUT).getAsLong());
        assertEquals(1, r.fact(ExampleResult.INNER_CANCELLED).getAsLong());
        assertTrue(r.elapsedUnits() >= 3, String.valueOf(r.elapsedUnits()));
    }

    @Test
    void producerConsumerHandsEveryItemOverOnceAfterItWasAdded() {
        ExampleResult r = run("producer-consumer", UNIT);
        List<String> lines = printed(r);
        assertEquals(10, r.fact(ExampleResult.ITEMS_CONSUMED).getAsLong());
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 5; i++) {
                String item = "Item-" + p + "-" + i;
                String addedLine = "Producer " + p + " added " + item;
                long added = lines.stream().filter(addedLine::equals).count();
                long processed = lines.stream().filter(l -> l.matches("Consumer \\d processed " + item)).count();
                assertEquals(1, added, item);
                assertEquals(1, processed, item);
                int addedAt = lines.indexOf(addedLine);
                int processedAt = lines.indexOf(lines.stream().filter(l -> l.endsWith(" processed " + item))
                        .findFirst().orElseThrow());
                assertTrue(addedAt < processedAt, item + " processed before it was added: " + lines);
            }
        }
    }

    @Test
    void blockingPitfallStallsTheHeartbeatForTheWholeSleep() {
        ExampleResult r = run("blocking-pitfall", UNIT);
        // a 5-unit blocking sleep holds back the next 0.1-unit beat by at least 4.9 units
        assertTrue(r.fact(ExampleResult.STALL_MS).getAsLong() >= 49, r.output().toString());
        assertTrue(r.fact(ExampleResult.FIXED_STALL_MS).isPresent());
        assertEquals("good_example: await asyncio.sleep(5)", r.output().get(2));
    }

    @Test
    void cpuPitfallWithItsOwnOffloadPoolLeavesNoThreadBehind() {
        ExampleResult r = run("cpu-pitfall", UNIT);

        assertTrue(r.fact(ExampleResult.FIXED_STALL_MS).isPresent(), r.output().toString());
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(name -> name.startsWith("offload-") || name.startsWith("example-")).toList();
        assertEquals(List.of(), left, "threads the runner started are still alive after run() returned");
    }

    @Test
    void cpuPitfallOffloadsThroughTheGivenExecutor() {
        Set<String> offloadThreads = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ExampleResult r = ExampleRunner.run(Examples.require("cpu-pitfall"), ExampleSettings.quiet(UNIT)
                    .withOffload(task -> pool.execute(() -> {
                        offloadThreads.add(Thread.currentThread().getName());
                        task.run();
                    })));
            assertEquals(1, offloadThreads.size());
            assertTrue(r.output().get(3).startsWith("cpu_intensive_async returned Done"), r.output().get(3));
            assertTrue(r.fact(ExampleResult.STALL_MS).isPresent() && r.fact(ExampleResult.FIXED_STALL_MS).isPresent());
        } finally {
            pool.shutdownNow();
        }
    }
}
