package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncTimeoutException;
import dev.concbench.loop.LoopFuture;

/**
 * The seed's timeout handling: {@code wait_for(slow_operation(), timeout=3)} where the operation
 * sleeps 10 s; prints "Operation timed out!" after about 3 units and cancels the operation.
 */
final class TimeoutExample {

    private static final double OPERATION_SECONDS = 10;
    private static final double TIMEOUT_SECONDS = 3;

    private TimeoutExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        LoopFuture<String> slowOperation = ctx.sleep(OPERATION_SECONDS).map(v -> "Complete");
        return ctx.loop().waitFor(slowOperation, ctx.units(TIMEOUT_SECONDS)).handle((result, error) -> {
            boolean timedOut = error instanceof AsyncTimeoutException;
            if (error != null && !timedOut) {
                throw new IllegalStateException("slow_operation failed", error);
            }
            ctx.print(timedOut ? "Operation timed out!" : result);
            ctx.fact(ExampleResult.TIMED_OUT, timedOut ? 1 : 0);
            ctx.fact(ExampleResult.INNER_CANCELLED, slowOperation.isCancelled() ? 1 : 0);
            return null;
        });
    }
}
