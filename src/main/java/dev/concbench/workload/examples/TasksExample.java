package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.LoopTask;
import java.util.List;

/**
 * The seed's tasks example: {@code create_task(fetch_data(1, 2))}, {@code (2, 3)}, {@code (3, 1)},
 * then gather; "Total time: ~3s, not 6s" (about 3 units).
 */
final class TasksExample {

    private TasksExample() {
    }

    /** The seed's {@code async def fetch_data(id, delay)}. */
    private static String fetchData(ExampleContext ctx, int id, int seconds) {
        ctx.print("Fetching data " + id + "...");
        ctx.sleep(seconds);
        return "Data-" + id;
    }

    static void run(ExampleContext ctx) {
        long start = ctx.loop().now();
        LoopTask<String> task1 = ctx.loop().spawnCoroutine("fetch-1", () -> fetchData(ctx, 1, 2));
        LoopTask<String> task2 = ctx.loop().spawnCoroutine("fetch-2", () -> fetchData(ctx, 2, 3));
        LoopTask<String> task3 = ctx.loop().spawnCoroutine("fetch-3", () -> fetchData(ctx, 3, 1));
        List<String> results = await(ctx.loop().gather(List.of(task1, task2, task3)));
        ctx.print("Results: " + PyRepr.strings(results));
        double units = (double) (ctx.loop().now() - start) / ctx.unit().toNanos();
        ctx.print(String.format("Total time: %.2fs", units));
    }
}
