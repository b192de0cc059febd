package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.LoopTask;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's event-loop example: tasks A (2 s), B (1 s), C (3 s) through {@code asyncio.gather};
 * ends after the longest, about 3 units. The {@code sequential} variant awaits them one after
 * another instead and takes their sum, about 6 units: the comparison that shows what gather buys.
 */
final class GatherExample {

    private record Job(String name, int seconds) {
    }

    private static final List<Job> JOBS = List.of(new Job("A", 2), new Job("B", 1), new Job("C", 3));

    private GatherExample() {
    }

    /** The seed's {@code async def task(name, delay)}. */
    private static String task(ExampleContext ctx, Job job) {
        ctx.print("Task " + job.name() + " starting");
        ctx.sleep(job.seconds());
        ctx.print("Task " + job.name() + " completed after " + job.seconds() + "s");
        return "Result-" + job.name();
    }

    /** {@code results = await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))}. */
    static void concurrent(ExampleContext ctx) {
        List<LoopTask<String>> tasks = new ArrayList<>();
        for (Job job : JOBS) {
            tasks.add(ctx.loop().spawnCoroutine("task-" + job.name(), () -> task(ctx, job)));
        }
        List<String> results = await(ctx.loop().gather(tasks));
        ctx.print("All results: " + PyRepr.strings(results));
    }

    /** The same three tasks, each awaited before the next starts. */
    static void sequential(ExampleContext ctx) {
        List<String> results = new ArrayList<>();
        for (Job job : JOBS) {
            results.add(task(ctx, job));
        }
        ctx.print("All results: " + PyRepr.strings(results));
    }
}
