package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;

/** The seed's {@code hello_world}: print, sleep 1, print. Ends after about 1 unit. */
final class HelloExample {

    private HelloExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        ctx.print("Hello");
        return ctx.sleep(1).map(v -> {
            ctx.print("World");
            return null;
        });
    }
}
