package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;

/**
 * The seed's fire-and-forget: a background task (2 s) nobody awaits while main works 1 s, then
 * waits 2 s more. The background line appears between "Main work done" and the end; about 3 units.
 */
final class FireAndForgetExample {

    private FireAndForgetExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        int[] completed = {0};
        ctx.loop().fireAndForget("background-cleanup", () -> ctx.sleep(2).map(v -> {
            ctx.print("Background task cleanup completed");
            completed[0]++;
            return null;
        }));
        ctx.print("Main work...");
        return ctx.sleep(1)
                .then(v -> {
                    ctx.print("Main work done");
                    return ctx.sleep(2);
                })
                .map(v -> {
                    ctx.fact(ExampleResult.BACKGROUND_COMPLETED, completed[0]);
                    return null;
                });
    }
}
