package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.AsyncTimeoutException;
import dev.concbench.loop.LoopTask;

/**
 * The seed's timeout handling: {@code wait_for(slow_operation(), timeout=3)} where the operation
 * sleeps 10 s; prints "Operation timed out!" after about 3 units and cancels the operation.
 */
final class TimeoutExample {

    private static final double OPERATION_SECONDS = 10;
    private static final double TIMEOUT_SECONDS = 3;

    private TimeoutExample() {
    }

    /** The seed's {@code async def slow_operation()}. */
    private static String slowOperation(ExampleContext ctx) {
        ctx.sleep(OPERATION_SECONDS);
        return "Complete";
    }

    static void run(ExampleContext ctx) {
        LoopTask<String> operation = ctx.loop().spawnCoroutine("slow_operation", () -> slowOperation(ctx));
        boolean timedOut = false;
        try {
            String result = await(ctx.loop().waitFor(operation, ctx.units(TIMEOUT_SECONDS)));
            ctx.print(result);
        } catch (AsyncTimeoutException e) {
            timedOut = true;
            ctx.print("Operation timed out!");
        }
        ctx.fact(ExampleResult.TIMED_OUT, timedOut ? 1 : 0);
        ctx.fact(ExampleResult.INNER_CANCELLED, operation.isCancelled() ? 1 : 0);
    }
}
