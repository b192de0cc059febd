package dev.concbench.workload.examples;

import java.util.List;
import java.util.Optional;

/** The catalog of the seed's example programs, in the order the seed shows them. */
public final class Examples {

    private static final List<SeedExample> ALL = List.of(
            new SeedExample("hello", "coroutines: print Hello, await sleep(1), print World (about 1 unit)",
                    HelloExample::run),
            new SeedExample("gather",
                    "gather(task A 2, task B 1, task C 3): concurrent, done after the longest (about 3 units)",
                    GatherExample::concurrent),
            new SeedExample("sequential",
                    "the gather example awaited one by one: A 2, B 1, C 3 take their sum (about 6 units)",
                    GatherExample::sequential),
            new SeedExample("tasks", "create_task x3 (2, 3, 1 s) then gather: total about 3 units, not 6",
                    TasksExample::run),
            new SeedExample("get-user-data",
                    "gather(fetch_user 1 s, fetch_posts 0.5 s) for user 123: about 1 unit, not 1.5",
                    UserDataExample::run),
            new SeedExample("fire-and-forget",
                    "create_task(background 2 s) not awaited; main works 1 s, sleeps 2 s (about 3 units)",
                    FireAndForgetExample::run),
            new SeedExample("timeout",
                    "wait_for(slow_operation 10 s, timeout=3): times out at about 3 units, cancels the operation",
                    TimeoutExample::run),
            new SeedExample("producer-consumer",
                    "Queue(maxsize=10), 2 producers x 5 items, 3 consumers, join, poison pills (seeded random delays)",
                    ProducerConsumerExample::run),
            new SeedExample("semaphore", "10 requests of 1 s under Semaphore(3): about 4 units, max concurrent 3",
                    SemaphoreExample::run),
            ScraperExample.EXAMPLE,
            new SeedExample("context-manager",
                    "async with AsyncDatabase(): connect 0.5 s, query 0.1 s, close 0.2 s (about 0.8 units)",
                    ContextManagerExample::run),
            new SeedExample("async-iterator", "async for num in AsyncCounter(5), 0.1 s per step (about 0.5 units)",
                    AsyncIteratorExample::run),
            new SeedExample("async-generator",
                    "async for over fetch_paginated_data(3), 0.5 s per page (about 1.5 units)",
                    AsyncGeneratorExample::run),
            new SeedExample("blocking-pitfall",
                    "time.sleep(5) on the loop stalls a 0.1 s heartbeat by about 5 units; await sleep(5) does not",
                    BlockingPitfallExample::run),
            new SeedExample("cpu-pitfall",
                    "a 100M-step CPU loop on the loop stalls the heartbeat; run_in_executor(pool, ...) does not",
                    CpuPitfallExample::run));

    private Examples() {
    }

    public static List<SeedExample> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(SeedExample::name).toList();
    }

    public static Optional<SeedExample> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known examples when {@code name} is not one */
    public static SeedExample require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown example '" + name + "' (expected one of " + String.join(", ", names()) + ")"));
    }
}
