package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;
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

    /** The seed's {@code task(name, delay)}. */
    private static LoopFuture<String> task(ExampleContext ctx, Job job) {
        ctx.print("Task " + job.name() + " starting");
        return ctx.sleep(job.seconds()).map(v -> {
            ctx.print("Task " + job.name() + " completed after " + job.seconds() + "s");
            return "Result-" + job.name();
        });
    }

    /** {@code await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))}. */
    static LoopFuture<Void> concurrent(ExampleContext ctx) {
        return report(ctx, ctx.loop().gather(JOBS.stream().map(job -> task(ctx, job)).toList()));
    }

    /** The same three tasks, each awaited before the next starts. */
    static LoopFuture<Void> sequential(ExampleContext ctx) {
        return report(ctx, oneByOne(ctx, 0, new ArrayList<>()));
    }

    private static LoopFuture<Void> report(ExampleContext ctx, LoopFuture<List<String>> results) {
        return results.map(all -> {
            ctx.print("All results: " + PyRepr.strings(all));
            return null;
        });
    }

    private static LoopFuture<List<String>> oneByOne(ExampleContext ctx, int next, List<String> done) {
        if (next == JOBS.size()) {
            return ctx.loop().completed(done);
        }
        return task(ctx, JOBS.get(next)).then(result -> {
            done.add(result);
            return oneByOne(ctx, next + 1, done);
        });
    }
}
