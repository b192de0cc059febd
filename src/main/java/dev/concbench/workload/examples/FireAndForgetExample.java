package dev.concbench.workload.examples;

/**
 * The seed's fire-and-forget: a background task (2 s) nobody awaits while main works 1 s, then
 * waits 2 s more. The background line appears between "Main work done" and the end; about 3 units.
 */
final class FireAndForgetExample {

    private FireAndForgetExample() {
    }

    static void run(ExampleContext ctx) {
        int[] completed = {0};
        // asyncio.create_task(background_task()) without keeping it: a failure is still counted
        ctx.loop().fireAndForget("background-cleanup", () -> ctx.loop().spawnCoroutine("background_task", () -> {
            ctx.sleep(2);
            ctx.print("Background task cleanup completed");
            completed[0]++;
        }));
        ctx.print("Main work...");
        ctx.sleep(1);
        ctx.print("Main work done");
        ctx.sleep(2);
        ctx.fact(ExampleResult.BACKGROUND_COMPLETED, completed[0]);
    }
}
