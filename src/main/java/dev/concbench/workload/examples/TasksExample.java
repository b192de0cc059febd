package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopTask;
import java.util.List;

/**
 * The seed's tasks example: {@code create_task(fetch_data(1, 2))}, {@code (2, 3)}, {@code (3, 1)},
 * then gather; "Total time: ~3s, not 6s" (about 3 units).
 */
final class TasksExample {

    private TasksExample() {
    }

    /** The seed's {@code fetch_data(id, delay)}. */
    private static LoopFuture<String> fetchData(ExampleContext ctx, int id, int seconds) {
        ctx.print("Fetching data " + id + "...");
        return ctx.sleep(seconds).map(v -> "Data-" + id);
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        long start = ctx.loop().now();
        LoopTask<String> task1 = ctx.loop().spawn("fetch-1", () -> fetchData(ctx, 1, 2));
        LoopTask<String> task2 = ctx.loop().spawn("fetch-2", () -> fetchData(ctx, 2, 3));
        LoopTask<String> task3 = ctx.loop().spawn("fetch-3", () -> fetchData(ctx, 3, 1));
        return ctx.loop().gather(List.of(task1, task2, task3)).map(results -> {
            ctx.print("Results: " + PyRepr.strings(results));
            double units = (double) (ctx.loop().now() - start) / ctx.unit().toNanos();
            ctx.print(String.format("Total time: %.2fs", units));
            return null;
        });
    }
}
