package dev.concbench.workload.examples;

/** The seed's {@code hello_world}: print, sleep 1, print. Ends after about 1 unit. */
final class HelloExample {

    private HelloExample() {
    }

    /** {@code print("Hello"); await asyncio.sleep(1); print("World")}. */
    static void run(ExampleContext ctx) {
        ctx.print("Hello");
        ctx.sleep(1);
        ctx.print("World");
    }
}
